import 'server-only';

import { runCleanup } from '../maintenance/cleanup';
import { startNewsletterDelivery } from '../newsletter/delivery/job';
import { bannerExpiryWorker } from './banners';
import { requestOwedEmails, whenListening } from './loopback';
import { publicationWorker, queueWaitingPublications } from './publications';
import { scheduleRecurring, startQueue, stopQueue, work } from './queue';

/**
 * Starts this server's share of the background work: workers for every queue, the hourly clean-up
 * (one run per hour across all servers), the schedules made before publications were queued and
 * the newsletter sends a restart interrupted or kept from starting.
 */
export async function startWorkers(): Promise<void> {
  try {
    await startQueue();
    await work('publish', publicationWorker());
    await work('cleanup', () => runCleanup());
    await work('banner-expiry', bannerExpiryWorker());
    await scheduleRecurring('cleanup', '0 * * * *', {});
    await startNewsletterDelivery();
    const queued = await queueWaitingPublications();
    if (queued > 0) console.log(`Queued ${queued} scheduled publication${queued === 1 ? '' : 's'} made before the job queue.`);
    // Not awaited: the server listens only after start-up, and the sends are started by its route.
    whenListening(async () => {
      const started = await requestOwedEmails();
      if (started > 0) console.log(`Started the newsletter sends of ${started} publication${started === 1 ? '' : 's'} a restart interrupted.`);
    }).catch((error: unknown) => console.error('Could not start the newsletter sends owed by scheduled publications:', error));
  } catch (error) {
    // Half started is not started: a second try begins from nothing.
    await stopQueue(0, { final: false }).catch(() => {});
    throw error;
  }
}

/** Takes no more jobs, and gives the running ones `timeoutMs` to finish. */
export const stopWorkers = (timeoutMs?: number) => stopQueue(timeoutMs);
