import 'server-only';

import { createHash } from 'node:crypto';

import { listLiveSends } from '@/db/queries/newsletter-sends';

import { enqueue, stoppingSignal, work } from '../../jobs/queue';
import { deliverSend } from './worker';

/**
 * A job id made from the send and the time it should wake: queueing the same future wake-up twice
 * (a restart's sweep while the job still waits) adds nothing. Shaped as a UUID, which the queue requires.
 */
function wakeUpId(sendId: string, at: Date): string {
  const hex = createHash('sha256').update(`newsletter-send:${sendId}:${at.toISOString()}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Asks for the send to be worked on, now or at `at`. Only a wake-up still to come gets the stable id:
 * one whose time has passed may have run (or failed) already, and its id would queue nothing. An
 * extra run is harmless: two workers on one send share its rows (their claims skip each other's).
 * (No singletonKey: on pg-boss's standard queues it would not stop a second job anyway.) Nothing is
 * queued once this server is stopping: the send stays live, and the start-up sweep queues it.
 */
export async function queueDelivery(sendId: string, at?: Date): Promise<void> {
  if (stoppingSignal().aborted) return;
  await enqueue('newsletter-send', { sendId }, at && at.getTime() > Date.now() ? { startAfter: at, id: wakeUpId(sendId, at) } : {});
}

/**
 * Registers this server's newsletter worker: each job is one bounded run of the worker, then the
 * next run queued when it says 'later'. When the server begins to stop (stoppingSignal, not the
 * job's own signal, which pg-boss aborts only once its grace is over) the run ends early: the
 * messages in flight finish, the rest go back to the delivery queue, and the job fails, so the
 * queue retries it on whichever server is up (30 s on). Every send left sending or waiting (a crash,
 * a deploy) is queued again at start, so none waits for an editor.
 */
export async function startNewsletterDelivery(): Promise<void> {
  await work('newsletter-send', async ({ data, signal }) => {
    const stopping = stoppingSignal();
    const result = await deliverSend(data.sendId, { signal: AbortSignal.any([signal, stopping]) });
    if (result.next === 'done') return;
    if (stopping.aborted) throw new Error('The server stopped during the send; its next run continues it.');
    await queueDelivery(data.sendId, result.at);
  });
  for (const send of await listLiveSends()) await queueDelivery(send.id, send.resumeAt ?? undefined);
}
