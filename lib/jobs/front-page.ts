import 'server-only';

import { createHash } from 'node:crypto';

import type { FrontPageQueue } from '@/db/queries/front-page';

import { broadcastRevalidation } from '../cache/broadcast';
import { tagsForFrontPage } from '../cache/changes';
import { expireOutsideRequest } from '../cache/outside-request';
import { enqueue, type QueuedJob, startQueue } from './queue';

// A pin ends with nobody touching it: a job wakes at its expiry and expires the home page on every
// server. Jobs of pins a later save dropped are not cancelled: one stray refresh of the home page
// costs a render, while tracking them would tie every save to the jobs of the ones before.

/** One job per moment: pins ending together share it (the id is derived from the time). */
function jobId(until: Date): string {
  const hex = createHash('sha256').update(`front-page-expiry:${until.toISOString()}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Queues the pins' expiry jobs inside the layout's own transaction (db/queries/front-page.ts). */
export const frontPageQueue: FrontPageQueue = {
  ready: startQueue,
  queued: (expiries, tx) => Promise.all(expiries.map((until) => enqueue('front-page-expiry', { until: until.toISOString() }, { id: jobId(until), startAfter: until, tx }))),
};

async function expireEverywhere(tags: string[]): Promise<void> {
  await expireOutsideRequest(tags);
  await broadcastRevalidation(tags);
}

/** The queue's handler for 'front-page-expiry': expires the home pages' tags; a failure is retried by the queue. */
export function frontPageExpiryWorker(expireTags: (tags: string[]) => Promise<void> = expireEverywhere) {
  return async (job: QueuedJob<'front-page-expiry'>): Promise<{ expired: string }> => {
    await expireTags(tagsForFrontPage());
    return { expired: job.data.until };
  };
}
