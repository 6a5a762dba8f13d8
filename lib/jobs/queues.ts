import type { QueueOptions } from 'pg-boss';
import { z } from 'zod';

import type { Transaction } from '@/db/queries/publishing';

// The queues of lib/jobs/queue.ts: what each carries and how its jobs are retried, and the options
// of queueing and working. Kept apart from the connection, which only reads them.

const MINUTE = 60;

/** Every queue: its payload (checked when queued and again when run) and how its jobs are retried. */
export const QUEUES = {
  // A scheduled publication; the row in publish_jobs is what the newsroom sees (lib/jobs/publications.ts).
  publish: {
    data: z.object({ publishJobId: z.uuid() }),
    // 5 attempts, about 30 s, 1, 2 and 4 minutes apart; a run taking over 2 minutes counts as failed.
    options: { retryLimit: 4, retryDelay: 30, retryBackoff: true, retryDelayMax: 15 * MINUTE, expireInSeconds: 2 * MINUTE },
  },
  // A breaking-news banner's expiry (lib/jobs/banners.ts): its pages render again without it. Quick
  // retries: until it runs, a page may still be served once, stale, after the banner expired.
  'banner-expiry': {
    data: z.object({ bannerId: z.uuid() }),
    options: { retryLimit: 5, retryDelay: 5, retryBackoff: true, retryDelayMax: 5 * MINUTE, expireInSeconds: MINUTE },
  },
  // A front-page pin's end (lib/jobs/front-page.ts): the home page renders again with that position
  // automatic. Retried quickly for the same reason as a banner's expiry.
  'front-page-expiry': {
    data: z.object({ until: z.iso.datetime() }),
    options: { retryLimit: 5, retryDelay: 5, retryBackoff: true, retryDelayMax: 5 * MINUTE, expireInSeconds: MINUTE },
  },
  // The hourly clean-up (lib/maintenance/cleanup.ts); a failed one waits for the next hour.
  cleanup: { data: z.object({}), options: { retryLimit: 0, expireInSeconds: 15 * MINUTE } },
  // A newsletter send (lib/newsletter/sends/); its handler is registered by the delivery engine.
  // While it runs its worker beats every 15 s: a send whose server died is retried at the queue's
  // next check (every minute) after 30 s of silence, rather than when its 15 minutes expire.
  'newsletter-send': {
    data: z.object({ sendId: z.uuid() }),
    options: { retryLimit: 8, retryDelay: 30, retryBackoff: true, retryDelayMax: 30 * MINUTE, expireInSeconds: 15 * MINUTE, heartbeatSeconds: 30 },
  },
} satisfies Record<string, { data: z.ZodType<object>; options: QueueOptions }>;

export type QueueName = keyof typeof QUEUES;
export type JobData<N extends QueueName> = z.infer<(typeof QUEUES)[N]['data']>;

/** What a handler gets: the checked payload, and which attempt this is (the last when `retryCount === retryLimit`). */
export type QueuedJob<N extends QueueName> = { id: string; data: JobData<N>; retryCount: number; retryLimit: number; signal: AbortSignal };

/** Thrown by a handler for a failure no retry can mend: the job fails at once instead of trying again. */
export class PermanentJobFailure extends Error {
  override name = 'PermanentJobFailure';
}

export type EnqueueOptions = {
  /** Not before this time. */
  startAfter?: Date;
  /** The job's id: queueing a second job with the same id adds nothing (and `enqueue` returns null). */
  id?: string;
  /** A key to find the job by, e.g. the row it works on. */
  singletonKey?: string;
  /** Queue the job inside this transaction: it exists if and only if the transaction commits (start the queue first). */
  tx?: Transaction;
};

export type WorkOptions = {
  /** Jobs of this queue one server runs at once (default 1). */
  localConcurrency?: number;
  /** How often an idle worker looks for due jobs (default 2 s). */
  pollingIntervalSeconds?: number;
};
