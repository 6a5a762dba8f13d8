import 'server-only';
import type { Database } from '@/db';
import { getDraftForPublishing } from '@/db/queries/publishing';
import { claimDueJob, completeJob, failJob } from '@/db/queries/publish-jobs';
import type { PublishJob } from '@/db/schema';
import { changed, checkReadiness } from './service';
import { neighboursOf } from './tags';

export type JobResult = { job: PublishJob; outcome: 'published' | 'retry' | 'failed' | 'lost'; tags?: string[] };

/** Publishes one claimed job, or records why it could not. Never throws: a job's error is its own. */
export async function runJob(job: PublishJob, db?: Database): Promise<JobResult> {
  try {
    const draft = await getDraftForPublishing(job.draftId);
    if (!draft) return { job, outcome: await failJob(job, 'The draft no longer exists.', db) };
    const readiness = await checkReadiness(draft);
    if (!readiness.ok) return { job, outcome: await failJob(job, `Not ready to publish: ${readiness.problems.join(' ')}`, db) };
    const before = await neighboursOf(draft.published?.slug);
    const change = await completeJob(job, draft.version, readiness.search, db);
    if (change === 'lost') return { job, outcome: 'lost' };
    if (change === 'changed') return { job, outcome: await failJob(job, 'The draft was saved again while it was being published; trying again.', db) };
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
