import 'server-only';

import { and, eq, inArray, sql } from 'drizzle-orm';

import { type Database, getDb } from '../index';
import { newsletterDeliveries, newsletterSends } from '../schema';

/** Most messages every app server together may hand to the mail server per window (0: no limit). */
export type Limits = { perSecond: number; perHour: number; perDay: number };
export type Recipient = { subscriberId: string; email: string; attempts: number };

/** Why a row of a cancelled send was not sent: continuing the send (requeueCancelled) looks for it. */
export const CANCELLED_REASON = 'Cancelled before their turn.';
const cancelled = (sendId: string) => sql`(select status from ${newsletterSends} where id = ${sendId}) = 'cancelled'`;

export type Claim =
  /** `held`: the send was waiting, or the mail server refused it before (held_since), until a message gets through. */
  | { kind: 'rows'; rows: Recipient[]; held: boolean }
  /** Paused, cancelled, done or gone: the worker stops. */
  | { kind: 'stopped' }
  /** A limit of this window is reached until `until` (the send itself is not changed here). */
  | { kind: 'limited'; window: 'second' | 'hour' | 'day'; limit: number; until: Date }
  /** Nothing due before `until`: retries later, another worker's messages, or a hold. */
  | { kind: 'idle'; until: Date };

const WINDOWS = [
  { window: 'day', seconds: 86_400, key: 'perDay' },
  { window: 'hour', seconds: 3_600, key: 'perHour' },
  { window: 'second', seconds: 1, key: 'perSecond' },
] as const;

const RECHECK_SECONDS = 2;

// One key for the whole cluster: claims of every send take turns, so the counts they check are exact.
const RATE_LOCK = sql`pg_advisory_xact_lock(hashtext('broadsheet:newsletter-rate'))`;

/**
 * Claims up to `max` deliveries of the send that are due (queued, or left 'sending' by a worker whose
 * lease of `leaseSeconds` ran out), as many as the limits allow, in one short transaction under the
 * cluster-wide lock. Rows are taken FOR UPDATE SKIP LOCKED, so no two workers ever hold one row;
 * a recipient who unsubscribed or was suppressed since the send started is skipped here, with the reason.
 */
export async function claimDeliveries(sendId: string, max: number, limits: Limits, leaseSeconds: number, db: Database = getDb()): Promise<Claim> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select ${RATE_LOCK}`);
    // Real time after waiting for the lock (now() would be when the transaction began).
    const [clock] = await tx.execute<{ at: string }>(sql`select clock_timestamp()::text as at`);
    const at = clock!.at;
    const [send] = await tx
      .select({ status: newsletterSends.status, resumeAt: newsletterSends.resumeAt, heldSince: newsletterSends.heldSince })
      .from(newsletterSends)
      .where(eq(newsletterSends.id, sendId))
      .for('update');
    if (!send || (send.status !== 'sending' && send.status !== 'waiting')) return { kind: 'stopped' };
    if (send.status === 'waiting' && send.resumeAt && send.resumeAt > new Date(at)) return { kind: 'idle', until: send.resumeAt };

    let allowed = max;
    let longest: Extract<Claim, { kind: 'limited' }> | undefined;
    for (const { window, seconds, key } of WINDOWS) {
      const limit = limits[key];
      if (limit === 0) continue;
      const since = sql`${at}::timestamptz - make_interval(secs => ${seconds})`;
      const [counted] = await tx.execute<{ count: number }>(sql`select count(*)::int as count from ${newsletterDeliveries} where claimed_at > ${since}`);
      const left = limit - counted!.count;
      if (left <= 0 && !longest) {
        // The moment enough of the counted claims have left the window for one more.
        const [oldest] = await tx.execute<{ until: string }>(sql`
          select (claimed_at + make_interval(secs => ${seconds}))::text as until from ${newsletterDeliveries}
           where claimed_at > ${since} order by claimed_at offset ${counted!.count - limit} limit 1`);
        if (oldest) longest = { kind: 'limited', window, limit, until: new Date(oldest.until) };
      }
      allowed = Math.min(allowed, left);
    }
    if (longest) return longest;
    if (allowed <= 0) return { kind: 'idle', until: new Date(Date.parse(at) + 1000) };

    const rows = await tx.execute<{ subscriber_id: string; email: string; status: string; attempts: number }>(sql`
      with picked as (
        select d.subscriber_id, d.email from ${newsletterDeliveries} d
         where d.send_id = ${sendId}
           and ((d.status = 'queued' and d.next_attempt_at <= ${at}) or (d.status = 'sending' and d.claimed_at < ${at}::timestamptz - make_interval(secs => ${leaseSeconds})))
         order by d.next_attempt_at
         limit ${allowed}
         for update of d skip locked
      ), judged as (
        select p.subscriber_id, case
                 when s.status is distinct from 'confirmed' then 'Skipped: unsubscribed before their turn.'
                 when exists (select 1 from email_suppressions e where e.email = p.email) then 'Skipped: the address was suppressed before its turn.'
               end as skip
          from picked p left join subscribers s on s.id = p.subscriber_id
      )
      update ${newsletterDeliveries} d
         set status = (case when j.skip is null then 'sending' else 'skipped' end)::newsletter_delivery_status,
             claimed_at = case when j.skip is null then ${at}::timestamptz end,
             attempts = d.attempts + case when j.skip is null then 1 else 0 end,
             response = coalesce(j.skip, d.response),
             updated_at = ${at}
        from judged j
       where d.send_id = ${sendId} and d.subscriber_id = j.subscriber_id
      returning d.subscriber_id, d.email, d.status, d.attempts`);
    if (rows.length > 0) {
      const claimed = rows.filter((row) => row.status === 'sending').map((row) => ({ subscriberId: row.subscriber_id, email: row.email, attempts: row.attempts }));
      return { kind: 'rows', rows: claimed, held: send.status === 'waiting' || send.heldSince !== null };
    }

    const [left] = await tx.execute<{ open: number; until: string | null }>(sql`
      select count(*)::int as open,
             least(min(next_attempt_at) filter (where status = 'queued'),
                   min(claimed_at + make_interval(secs => ${leaseSeconds})) filter (where status = 'sending'),
                   -- Another worker's messages in flight: look again soon, to finish the send once they are in.
                   case when bool_or(status = 'sending') then ${at}::timestamptz + make_interval(secs => ${RECHECK_SECONDS}) end)::text as until
        from ${newsletterDeliveries} where send_id = ${sendId} and status in ('queued', 'sending')`);
    if (left!.open > 0 && left!.until) return { kind: 'idle', until: new Date(left!.until) };
    await tx
      .update(newsletterSends)
      .set({ status: 'done', statusReason: null, resumeAt: null, heldSince: null, heldCode: null, finishedAt: new Date(at), updatedAt: new Date(at) })
      .where(eq(newsletterSends.id, sendId));
    return { kind: 'stopped' };
  });
}

const row = (sendId: string, subscriberId: string) =>
  and(eq(newsletterDeliveries.sendId, sendId), eq(newsletterDeliveries.subscriberId, subscriberId), eq(newsletterDeliveries.status, 'sending'));

/** The mail server accepted the message: recorded at once, with its answer (the duplicate window ends here). */
export async function markSent(sendId: string, subscriberId: string, response: string, db: Database = getDb()): Promise<void> {
  await db
    .update(newsletterDeliveries)
    .set({ status: 'sent', sentAt: new Date(), response: response.slice(0, 1000), updatedAt: new Date() })
    .where(row(sendId, subscriberId));
}

export async function markFinal(sendId: string, subscriberId: string, status: 'failed' | 'bounced', reason: string, db: Database = getDb()): Promise<void> {
  await db
    .update(newsletterDeliveries)
    .set({ status, response: reason.slice(0, 1000), updatedAt: new Date() })
    .where(row(sendId, subscriberId));
}

/** A temporary failure: tried again after `delaySeconds` (skipped instead if the send was cancelled meanwhile). */
export async function markRetry(sendId: string, subscriberId: string, reason: string, delaySeconds: number, db: Database = getDb()): Promise<void> {
  await db
    .update(newsletterDeliveries)
    .set({
      status: sql`(case when ${cancelled(sendId)} then 'skipped' else 'queued' end)::newsletter_delivery_status`,
      nextAttemptAt: sql`now() + make_interval(secs => ${delaySeconds})`,
      response: sql`case when ${cancelled(sendId)} then ${CANCELLED_REASON} else ${reason.slice(0, 1000)} end`,
      updatedAt: new Date(),
    })
    .where(row(sendId, subscriberId));
}

/**
 * Gives claimed rows back to the queue, due at once: by default uncharged (never handed to the
 * server: not an attempt, and not counted against the rate limits, claimed_at cleared); `charged`
 * keeps the attempt (refused, but held back from its verdict). Skipped instead when the send was
 * cancelled meanwhile, so no row of a cancelled send waits in the queue.
 */
export async function releaseClaims(sendId: string, subscriberIds: string[], { charged = false } = {}, db: Database = getDb()): Promise<void> {
  if (subscriberIds.length === 0) return;
  await db
    .update(newsletterDeliveries)
    .set({
      status: sql`(case when ${cancelled(sendId)} then 'skipped' else 'queued' end)::newsletter_delivery_status`,
      response: sql`case when ${cancelled(sendId)} then ${CANCELLED_REASON} else ${newsletterDeliveries.response} end`,
      ...(charged ? {} : { claimedAt: null, attempts: sql`greatest(${newsletterDeliveries.attempts} - 1, 0)` }),
      nextAttemptAt: new Date(),
      updatedAt: new Date(),
    })
    .where(and(eq(newsletterDeliveries.sendId, sendId), inArray(newsletterDeliveries.subscriberId, subscriberIds), eq(newsletterDeliveries.status, 'sending')));
}

/** A cancelled send's rows that will not go out: the queued ones, and any a dead worker left behind. */
export async function skipRemaining(sendId: string, leaseSeconds: number, reason = CANCELLED_REASON, db: Database = getDb()): Promise<number> {
  const rows = await db.execute(sql`
    update ${newsletterDeliveries} set status = 'skipped', response = ${reason}, updated_at = now()
     where send_id = ${sendId}
       and (status = 'queued' or (status = 'sending' and claimed_at < now() - make_interval(secs => ${leaseSeconds})))`);
  return rows.count;
}
