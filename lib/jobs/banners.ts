import 'server-only';

import type { BannerQueue } from '@/db/queries/breaking-news';

import { broadcastRevalidation } from '../cache/broadcast';
import { expireOutsideRequest } from '../cache/outside-request';
import { BANNER_TAG } from '../cache/tags';
import { cancelJob, enqueue, type QueuedJob, startQueue } from './queue';

// A banner goes when it expires, with nobody touching it: its job (same id as the banner) wakes at
// the expiry and expires the banner's tag on every server, so the next reader gets a page without it.

/** Queues and unqueues expiry jobs inside the banner's own transaction (db/queries/breaking-news.ts). */
export const bannerQueue: BannerQueue = {
  ready: startQueue,
  queued: (banner, tx) => enqueue('banner-expiry', { bannerId: banner.id }, { id: banner.id, startAfter: banner.expiresAt, tx }),
  cancelled: (bannerIds, tx) => cancelJob('banner-expiry', bannerIds, { tx }),
};

/** Expires the banner's pages here (through this server's route: outside a request) and on the other servers. */
async function expireBannerPages(): Promise<void> {
  await expireOutsideRequest([BANNER_TAG]);
  await broadcastRevalidation([BANNER_TAG]);
}

/** The queue's handler for 'banner-expiry'; a failure is retried by the queue. */
export function bannerExpiryWorker(expirePages: () => Promise<void> = expireBannerPages) {
  return async (job: QueuedJob<'banner-expiry'>): Promise<{ expired: string }> => {
    await expirePages();
    return { expired: job.data.bannerId };
  };
}
