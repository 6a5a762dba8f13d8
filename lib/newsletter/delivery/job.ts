import 'server-only';

import { z } from 'zod';

import { listLiveSends } from '@/db/queries/newsletter-sends';

import { uuidSchema } from '../../validation';
// MERGE: import { enqueue, work } from '@/lib/jobs/queue' (queue name 'newsletter-send' is reserved
// there), delete ./local-queue.ts, and call startNewsletterDelivery() once where the queue starts.
import { enqueue, work } from './local-queue';
import { deliverSend } from './worker';

const QUEUE = 'newsletter-send';
const jobData = z.object({ sendId: uuidSchema() });

/**
 * Asks for the send to be worked on (now, or at `at`). Duplicates are harmless: two workers on one
 * send share its rows (claims skip each other's), so the singleton key only saves a wasted run.
 */
export function queueDelivery(sendId: string, at?: Date): Promise<void> {
  return enqueue(QUEUE, { sendId }, { singletonKey: sendId, ...(at ? { startAfter: at } : {}) });
}

/** One job: a bounded run of the worker, then the next run queued when it says 'later'. */
async function runDelivery(data: unknown): Promise<void> {
  const { sendId } = jobData.parse(data);
  const result = await deliverSend(sendId);
  if (result.next === 'later') await queueDelivery(sendId, result.at);
}

/** At start-up: the handler, and every send left sending or waiting (a crash, a deploy) queued again. */
export async function startNewsletterDelivery(): Promise<void> {
  work(QUEUE, runDelivery);
  for (const send of await listLiveSends()) await queueDelivery(send.id, send.resumeAt ?? undefined);
}
