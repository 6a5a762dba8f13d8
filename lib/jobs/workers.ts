import 'server-only';

import { runCleanup } from '../maintenance/cleanup';
import { startNewsletterDelivery } from '../newsletter/delivery/job';
import { publicationWorker, queueWaitingPublications } from './publications';
import { scheduleRecurring, startQueue, stopQueue, work } from './queue';

/**
 * Starts this server's share of the background work: workers for every queue, the hourly clean-up
 * (one run per hour across all servers), the schedules made before publications were queued and
 * the newsletter sends a restart interrupted.
 */
export async function startWorkers(): Promise<void> {
  try {
    await startQueue();
    await work('publish', publicationWorker());
    await work('cleanup', () => runCleanup());
    await scheduleRecurring('cleanup', '0 * * * *', {});
    await startNewsletterDelivery();
    const queued = await queueWaitingPublications();
    if (queued > 0) console.log(`Queued ${queued} scheduled publication${queued === 1 ? '' : 's'} made before the job queue.`);
  } catch (error) {
    // Half started is not started: a second try begins from nothing.
    await stopQueue(0).catch(() => {});
    throw error;
  }
}

/** Takes no more jobs, and gives the running ones `timeoutMs` to finish. */
export const stopWorkers = (timeoutMs?: number) => stopQueue(timeoutMs);
