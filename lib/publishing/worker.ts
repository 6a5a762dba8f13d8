import 'server-only';
import type { Database } from '@/db';
import { getDraftForPublishing } from '@/db/queries/publishing';
import { claimDueJob, completeJob, failJob } from '@/db/queries/publish-jobs';
import type { PublishJob } from '@/db/schema';
import { changed, readinessProblems } from './service';
import { neighboursOf } from './tags';

export const POLL_MS = 5_000;

export type JobResult = { job: PublishJob; outcome: 'published' | 'retry' | 'failed' | 'lost'; tags?: string[] };

/** Publishes one claimed job, or records why it could not. Never throws: a job's error is its own. */
export async function runJob(job: PublishJob, db?: Database): Promise<JobResult> {
  try {
    const draft = await getDraftForPublishing(job.draftId);
    if (!draft) return { job, outcome: await failJob(job, 'The draft no longer exists.', db) };
    const problems = await readinessProblems(draft);
    if (problems.length > 0) return { job, outcome: await failJob(job, `Not ready to publish: ${problems.join(' ')}`, db) };
    const before = await neighboursOf(draft.published?.slug);
    const change = await completeJob(job, draft.version, db);
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

/**
 * Polls the queue for the life of the server. `onPublished` expires the pages' tags (through a
 * request: revalidateTag does not work outside one). The state lives in publish_jobs, so a
 * restart loses nothing: a job claimed by a server that died is taken over when its lease ends.
 */
export function startWorker(onPublished: (tags: string[]) => Promise<void>): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      for (const result of await runDueJobs()) {
        if (result.outcome === 'published' && result.tags) await onPublished(result.tags).catch((error) => console.error('Revalidating after a scheduled publication failed:', error));
        else if (result.outcome !== 'lost') console.warn(`Scheduled publication ${result.job.id} did not run (${result.outcome}).`);
      }
    } catch (error) {
      console.error('The publishing scheduler could not poll the queue:', error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, POLL_MS);
  void tick();
  return () => clearInterval(timer);
}
