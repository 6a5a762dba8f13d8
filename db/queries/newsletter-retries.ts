import 'server-only';

import { and, eq, inArray, ne, sql } from 'drizzle-orm';

import { type Database, getDb } from '../index';
import { drafts, newsletterDeliveries, type NewsletterSend, newsletterSends } from '../schema';
import { CANCELLED_REASON, skipRemaining } from './newsletter-deliveries';
import type { Transaction } from './publishing';

// A send goes on for the readers it missed, never again for everyone (LESSONS.md 10), and only
// while createSend would allow a send of the article: published, and no later or live send.

const LIVE: NewsletterSend['status'][] = ['sending', 'waiting', 'paused'];

/**
 * 'status': the send is not in the state the remedy needs; 'unpublished': the article was taken off
 * the site; 'superseded': a later send of the article exists (its readers would get a second copy);
 * 'live': another send of the article is still going out.
 */
export type Requeued =
  { ok: true; count: number } | { ok: false; reason: 'status'; status: NewsletterSend['status'] | null } | { ok: false; reason: 'unpublished' | 'superseded' | 'live' };

/**
 * In one transaction, the draft row locked first (as createSend and unpublishing lock it) then the
 * send: when it is `from` and may go on, the rows `where` picks go back to the queue (due now,
 * attempts reset or kept) and the send is sending again. A count of 0 when no row matches (the send unchanged).
 */
async function requeue(sendId: string, from: NewsletterSend['status'], where: ReturnType<typeof and>, resetAttempts: boolean, db: Database): Promise<Requeued> {
  return db.transaction(async (tx) => {
    const [owner] = await tx.select({ draftId: newsletterSends.draftId }).from(newsletterSends).where(eq(newsletterSends.id, sendId));
    if (!owner) return { ok: false, reason: 'status', status: null };
    const [draft] = await tx.select({ revisionId: drafts.publishedRevisionId }).from(drafts).where(eq(drafts.id, owner.draftId)).for('update');
    const [send] = await tx
      .select({ status: newsletterSends.status, sequence: newsletterSends.sequence })
      .from(newsletterSends)
      .where(eq(newsletterSends.id, sendId))
      .for('update');
    if (send?.status !== from) return { ok: false, reason: 'status', status: send?.status ?? null };
    if (!draft?.revisionId) return { ok: false, reason: 'unpublished' };
    const [others] = await tx
      .select({
        latest: sql<number>`max(${newsletterSends.sequence})`,
        live: sql<number>`(count(*) filter (where ${and(inArray(newsletterSends.status, LIVE), ne(newsletterSends.id, sendId))}))::int`,
      })
      .from(newsletterSends)
      .where(eq(newsletterSends.draftId, owner.draftId));
    if ((others?.latest ?? 0) > send.sequence) return { ok: false, reason: 'superseded' };
    if ((others?.live ?? 0) > 0) return { ok: false, reason: 'live' };
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

/** The rows a cancel skipped: those "Continue sending" queues again, and counts (countNotReached). */
export const skippedByCancel = and(eq(newsletterDeliveries.status, 'skipped'), eq(newsletterDeliveries.response, CANCELLED_REASON));

/**
 * A cancelled send goes on: the rows skipped by the cancel are queued again. Readers who left or
 * were suppressed since are skipped by the claim, with that reason.
 */
export const requeueCancelled = (sendId: string, db: Database = getDb()) => requeue(sendId, 'cancelled', skippedByCancel, false, db);

export const UNPUBLISHED_REASON = 'The article was unpublished.';

/**
 * Within the unpublishing transaction (the draft row locked): the draft's live sends are cancelled
 * and their queued rows skipped as a cancel skips them, so they can go on if it is published again.
 * Rows a worker holds are skipped when it gives them back. How many sends were stopped.
 */
export async function cancelSendsOfDraft(tx: Transaction, draftId: string, leaseSeconds: number): Promise<number> {
  const stopped = await tx
    .update(newsletterSends)
    .set({ status: 'cancelled', statusReason: UNPUBLISHED_REASON, resumeAt: null, heldSince: null, finishedAt: new Date(), updatedAt: new Date() })
    .where(and(eq(newsletterSends.draftId, draftId), inArray(newsletterSends.status, LIVE)))
    .returning({ id: newsletterSends.id });
  for (const send of stopped) await skipRemaining(send.id, leaseSeconds, CANCELLED_REASON, tx);
  return stopped.length;
}
