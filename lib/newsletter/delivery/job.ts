import 'server-only';

import { createHash } from 'node:crypto';

import { listLiveSends } from '@/db/queries/newsletter-sends';

import { enqueue, work } from '../../jobs/queue';
import { deliverSend } from './worker';

/**
 * A job id made from the send and the time it should wake: queueing the same wake-up twice (a
 * restart's sweep while the job still waits) adds nothing. Shaped as a UUID, which the queue requires.
 */
function wakeUpId(sendId: string, at: Date): string {
  const hex = createHash('sha256').update(`newsletter-send:${sendId}:${at.toISOString()}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Asks for the send to be worked on, now or at `at`. An extra run is harmless: two workers on one
 * send share its rows (their claims skip each other's), so this only avoids wasted runs.
 */
export async function queueDelivery(sendId: string, at?: Date): Promise<void> {
  await enqueue('newsletter-send', { sendId }, { singletonKey: sendId, ...(at ? { startAfter: at, id: wakeUpId(sendId, at) } : {}) });
}

/**
 * Registers this server's newsletter worker: each job is one bounded run of the worker, then the
 * next run queued when it says 'later'. Every send left sending or waiting (a crash, a deploy) is
 * queued again, so none waits for an editor to notice.
 */
export async function startNewsletterDelivery(): Promise<void> {
  await work('newsletter-send', async ({ data }) => {
    const result = await deliverSend(data.sendId);
    if (result.next === 'later') await queueDelivery(data.sendId, result.at);
  });
  for (const send of await listLiveSends()) await queueDelivery(send.id, send.resumeAt ?? undefined);
}
