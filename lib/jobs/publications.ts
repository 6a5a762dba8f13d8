import 'server-only';

import { z } from 'zod';

import { failJobAttempt, listLiveJobs } from '@/db/queries/publish-jobs';
import type { ScheduleQueue } from '@/db/queries/schedules';
import { log } from '@/lib/log';

import { loopbackAddress, postSigned } from './loopback';
import { cancelJob, enqueue, PermanentJobFailure, type QueuedJob, startQueue } from './queue';

// Scheduled publications on the job queue. The publish_jobs row stays the newsroom's record (time,
// pinned revision, attempts, last error); its queued job has the same id and wakes at its time.

/** Queues and unqueues publish jobs inside the schedule's own transaction (db/queries/schedules.ts). */
export const publicationQueue: ScheduleQueue = {
  ready: startQueue,
  queued: (job, tx) => enqueue('publish', { publishJobId: job.id }, { id: job.id, singletonKey: job.id, startAfter: job.runAt, tx }),
  cancelled: (jobIds, tx) => cancelJob('publish', jobIds, { tx }),
};

/**
 * Queues every publish job that may still publish and has no queued job: those scheduled before
 * publications moved onto the queue. A job already queued keeps its own (same id). Returns how many.
 */
export async function queueWaitingPublications(): Promise<number> {
  let queued = 0;
  for (const job of await listLiveJobs()) {
    if (await enqueue('publish', { publishJobId: job.id }, { id: job.id, singletonKey: job.id, startAfter: job.runAt })) queued += 1;
  }
  return queued;
}

const answerSchema = z.object({ outcome: z.enum(['published', 'retry', 'failed', 'lost', 'skipped']) });
type Outcome = z.infer<typeof answerSchema>['outcome'];

/** Asks this server to run the attempt (app/api/publishing/run/route.ts); a failure to ask is the attempt's failure. */
async function askServer(publishJobId: string, lastAttempt: boolean): Promise<Outcome> {
  let problem: string;
  try {
    const response = await postSigned('/api/publishing/run', { publishJobId, lastAttempt });
    if (response.ok) return answerSchema.parse(await response.json()).outcome;
    problem = `it answered ${response.status}: ${(await response.text()).slice(0, 300)}`;
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error);
  }
  const reason = `This server could not run the publication through ${loopbackAddress()} (${problem}). Check that the app listens on 127.0.0.1 (see Deploying in the README).`;
  await failJobAttempt(publishJobId, reason, lastAttempt).catch((error: unknown) => log.error({ err: error }, 'Could not record a failed publication'));
  throw new Error(reason);
}

/**
 * The queue's handler for 'publish': one attempt by `run` (by default through this server's route),
 * retried by the queue while attempts are left. The outcome is stored as the queued job's output.
 */
export function publicationWorker(run: (publishJobId: string, lastAttempt: boolean) => Promise<Outcome> = askServer) {
  return async (job: QueuedJob<'publish'>): Promise<{ outcome: Outcome }> => {
    const outcome = await run(job.data.publishJobId, job.retryCount >= job.retryLimit);
    if (outcome === 'retry') throw new Error(`Publish job ${job.data.publishJobId} failed and will be tried again; its reason is on the newsroom overview.`);
    if (outcome === 'failed') throw new PermanentJobFailure(`Publish job ${job.data.publishJobId} failed; its reason is on the newsroom overview.`);
    return { outcome };
  };
}
