import 'server-only';

import { log } from '@/lib/log';

import { runCleanup } from '../maintenance/cleanup';
import { startNewsletterDelivery } from '../newsletter/delivery/job';
import { bannerExpiryWorker } from './banners';
import { frontPageExpiryWorker } from './front-page';
import { requestOwedEmails, whenListening } from './loopback';
import { publicationWorker, queueWaitingPublications } from './publications';
import { scheduleRecurring, startQueue, stoppingSignal, stopQueue, work } from './queue';

// On globalThis: the health check (a route) and instrumentation (which starts the workers) are separate bundles.
const WORKING = Symbol.for('broadsheet.workers');
const running = globalThis as { [WORKING]?: boolean };

/** Whether this server takes jobs: once its workers have all started, until its stop begins. */
export function workersState(): 'running' | 'stopping' | 'stopped' {
  if (stoppingSignal().aborted) return 'stopping';
  return running[WORKING] ? 'running' : 'stopped';
}

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
    await work('front-page-expiry', frontPageExpiryWorker());
    await scheduleRecurring('cleanup', '0 * * * *', {});
    await startNewsletterDelivery();
    running[WORKING] = true;
    const queued = await queueWaitingPublications();
    if (queued > 0) log.info(`Queued ${queued} scheduled publication${queued === 1 ? '' : 's'} made before the job queue.`);
    // Not awaited: the server listens only after start-up, and the sends are started by its route.
    whenListening(async () => {
      const started = await requestOwedEmails();
      if (started > 0) log.info(`Started the newsletter sends of ${started} publication${started === 1 ? '' : 's'} a restart interrupted.`);
    }).catch((error: unknown) => log.error({ err: error }, 'Could not start the newsletter sends owed by scheduled publications'));
  } catch (error) {
    // Half started is not started: a second try begins from nothing.
    await stopQueue(0, { final: false }).catch(() => {});
    throw error;
  }
}

/** Takes no more jobs, and gives the running ones `timeoutMs` to finish. */
export async function stopWorkers(timeoutMs?: number): Promise<void> {
  running[WORKING] = false;
  await stopQueue(timeoutMs);
}
