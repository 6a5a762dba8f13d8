import 'server-only';

import { and, eq, sql } from 'drizzle-orm';

import { type Database, getDb } from '../index';
import { newsletterDeliveries, type NewsletterSend, newsletterSends } from '../schema';
import { CANCELLED_REASON } from './newsletter-deliveries';

// A send goes on for the readers it missed, never again for everyone (LESSONS.md 10).

export type Requeued = { ok: true; count: number } | { ok: false; status: NewsletterSend['status'] | null };

/**
 * In one transaction with the send locked: when it is `from`, the rows `where` picks go back to the
 * queue (due now, attempts `attempts` or kept) and the send is sending again. Refused (with its
 * status) when it is not `from`, and a count of 0 when no row matches (the send unchanged).
 */
async function requeue(sendId: string, from: NewsletterSend['status'], where: ReturnType<typeof and>, resetAttempts: boolean, db: Database): Promise<Requeued> {
  return db.transaction(async (tx) => {
    const [send] = await tx.select({ status: newsletterSends.status }).from(newsletterSends).where(eq(newsletterSends.id, sendId)).for('update');
    if (send?.status !== from) return { ok: false, status: send?.status ?? null };
    const rows = await tx
      .update(newsletterDeliveries)
      .set({ status: 'queued', claimedAt: null, nextAttemptAt: sql`now()`, updatedAt: new Date(), ...(resetAttempts ? { attempts: 0 } : {}) })
      .where(and(eq(newsletterDeliveries.sendId, sendId), where))
      .returning({ id: newsletterDeliveries.subscriberId });
    if (rows.length > 0) {
      await tx
        .update(newsletterSends)
        .set({ status: 'sending', statusReason: null, resumeAt: null, heldSince: null, finishedAt: null, updatedAt: new Date() })
        .where(eq(newsletterSends.id, sendId));
    }
    return { ok: true, count: rows.length };
  });
}

/** A finished send's failed messages (not bounced, not skipped) are tried again, from their first attempt. */
export const requeueFailed = (sendId: string, db: Database = getDb()) => requeue(sendId, 'done', eq(newsletterDeliveries.status, 'failed'), true, db);

/**
 * A cancelled send goes on: the rows skipped by the cancel are queued again. Readers who left or
 * were suppressed since are skipped by the claim, with that reason.
 */
export const requeueCancelled = (sendId: string, db: Database = getDb()) =>
  requeue(sendId, 'cancelled', and(eq(newsletterDeliveries.status, 'skipped'), eq(newsletterDeliveries.response, CANCELLED_REASON)), false, db);
