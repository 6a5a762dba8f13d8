import 'server-only';

import { deleteStaleRateLimits, deleteUnconfirmedSubscribers, deleteUnusedImages } from '@/db/queries/cleanup';
import { MAX_RATE_LIMIT_WINDOW_SECONDS } from '@/db/queries/rate-limits';
import { CONFIRMATION_TTL_HOURS } from '@/lib/newsletter/tokens';

const HOUR = 3_600;
const DAY = 24 * HOUR;

/** What the clean-up removes (it runs hourly on the job queue, see lib/jobs/workers.ts). */
export const CLEANUP_RULES = {
  /** A counter is kept until its window is surely over. */
  rateLimitSeconds: MAX_RATE_LIMIT_WINDOW_SECONDS,
  /** A week after the last confirmation link expired, in case a reader is late or support is asked. */
  subscriberGraceSeconds: 7 * DAY,
  /** An upload nobody uses is kept a week: long enough to write the draft it was meant for. */
  imageGraceSeconds: 7 * DAY,
  batch: 500,
  /** Uploads are up to 10 MB each: fewer per statement. */
  imageBatch: 100,
  /** Batches per rule per run: the rest waits for the next run rather than keeping a worker busy. */
  maxBatches: 20,
};

export type CleanupReport = { rateLimits: number; subscribers: number; images: number };

async function repeat(batch: number, run: (batch: number) => Promise<number>): Promise<number> {
  let total = 0;
  for (let i = 0; i < CLEANUP_RULES.maxBatches; i += 1) {
    const deleted = await run(batch);
    total += deleted;
    if (deleted < batch) break;
  }
  return total;
}

/** Removes what is no longer needed, rule by rule, in bounded batches. */
export async function runCleanup(): Promise<CleanupReport> {
  const { batch, imageBatch, rateLimitSeconds, subscriberGraceSeconds, imageGraceSeconds } = CLEANUP_RULES;
  const subscriberAge = CONFIRMATION_TTL_HOURS * HOUR + subscriberGraceSeconds;
  return {
    rateLimits: await repeat(batch, (size) => deleteStaleRateLimits(rateLimitSeconds, size)),
    subscribers: await repeat(batch, (size) => deleteUnconfirmedSubscribers(subscriberAge, subscriberGraceSeconds, size)),
    images: await repeat(imageBatch, (size) => deleteUnusedImages(imageGraceSeconds, size)),
  };
}
