import 'server-only';

import type { Database } from '@/db';
import { claimDueJob, completeJob, failJob, getJobRevision } from '@/db/queries/publish-jobs';
import { getDraftForPublishing } from '@/db/queries/publishing';
import { storeWordCount } from '@/db/queries/word-counts';
import type { PublishJob } from '@/db/schema';

import { neighboursOf } from '../cache/changes';
import { changed, checkReadiness } from '../publishing/service';

export type JobResult = { job: PublishJob; outcome: 'published' | 'retry' | 'failed' | 'lost'; tags?: string[] };

const UNPINNED = 'This schedule does not say which version to publish (it was made before schedules recorded one). Check the draft and schedule it again.';

/**
 * Publishes one claimed job, or records why it could not. Never throws: a job's error is its own.
 * It publishes the revision the editor scheduled, never a later save: that needs approving again.
 */
async function runJob(job: PublishJob, db?: Database): Promise<JobResult> {
  try {
    const draft = await getDraftForPublishing(job.draftId);
    if (!draft) return { job, outcome: await failJob(job, 'The draft no longer exists.', db) };
    const revision = await getJobRevision(job, db);
    if (!revision) return { job, outcome: await failJob(job, UNPINNED, db, true) };
    const readiness = await checkReadiness(draft, revision.content);
    if (!readiness.ok) return { job, outcome: await failJob(job, `Version ${revision.version} is not ready to publish: ${readiness.problems.join(' ')}`, db) };
    await storeWordCount({ draftId: job.draftId, version: revision.version }, readiness.words, db);
    const before = await neighboursOf(draft.published?.slug);
    const change = await completeJob(job, readiness.search, db);
    if (change === 'lost') return { job, outcome: 'lost' };
    if (change === 'gone') return { job, outcome: await failJob(job, UNPINNED, db, true) };
    if (change === 'address') {
      const reason = `Version ${revision.version} was scheduled at the address “${revision.content.slug}”, which was changed since. Check the latest version and schedule it again.`;
      return { job, outcome: await failJob(job, reason, db, true) };
    }
    return { job, outcome: 'published', tags: (await changed(change, before)).tags };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { job, outcome: await failJob(job, reason, db).catch(() => 'retry' as const) };
  }
}

/** Claims and runs due jobs until none is left. */
export async function runDueJobs(db?: Database): Promise<JobResult[]> {
  const results: JobResult[] = [];
  for (let job = await claimDueJob(db); job; job = await claimDueJob(db)) results.push(await runJob(job, db));
  return results;
}
