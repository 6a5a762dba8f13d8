import 'server-only';

import { and, asc, count, desc, eq, getTableColumns, gt, ilike, isNull, or, sql } from 'drizzle-orm';

import { getDb } from '../index';
import { confirmationTokens, type EmailSuppression, emailSuppressions, type Subscriber, subscribers } from '../schema';

export type Signup = { id: string; email: string; claimed: boolean };

/**
 * Records a sign-up in one statement: the subscriber is created as pending (or an unsubscribed one
 * made pending again), the right to email them is claimed (once per `resendSeconds`, however many
 * ask at once) and, only when claimed, the confirmation token is stored. Every kind of address,
 * new, pending or confirmed, costs the same single round trip, so the time of the answer says
 * nothing about which it was.
 */
export async function recordSignup(email: string, token: { hash: string; expiresAt: Date }, resendSeconds: number): Promise<Signup> {
  const rows = await getDb().execute<{ id: string; email: string; claimed: boolean }>(sql`
    with upserted as (
      insert into ${subscribers} (email, last_email_sent_at) values (${email}, now())
      on conflict (email) do update set
        status = case when ${subscribers.status} = 'unsubscribed' then 'pending'::subscriber_status else ${subscribers.status} end,
        unsubscribed_at = case when ${subscribers.status} = 'unsubscribed' then null else ${subscribers.unsubscribedAt} end,
        last_email_sent_at = case
          when ${subscribers.status} <> 'confirmed'
            and (${subscribers.lastEmailSentAt} is null or ${subscribers.lastEmailSentAt} <= now() - make_interval(secs => ${resendSeconds}))
          then now() else ${subscribers.lastEmailSentAt} end
      returning id, email, last_email_sent_at = now() as claimed
    ), token as (
      insert into ${confirmationTokens} (token_hash, subscriber_id, expires_at)
      select ${token.hash}, id, ${token.expiresAt.toISOString()}::timestamptz from upserted where claimed
    )
    select id, email, claimed from upserted`);
  const [row] = rows;
  if (!row) throw new Error('Recording a sign-up returned no row');
  return { id: row.id, email: row.email, claimed: row.claimed === true };
}

/** Gives a claim back after the email could not be sent, so the next attempt may send again. */
export async function releaseConfirmationEmail(subscriberId: string): Promise<void> {
  await getDb().update(subscribers).set({ lastEmailSentAt: null }).where(eq(subscribers.id, subscriberId));
}

export type ConfirmResult = { ok: true; subscriber: Subscriber } | { ok: false; reason: 'unknown' | 'used' | 'expired' | 'unsubscribed' };

/** Spends a confirmation token (once) and confirms its subscriber. */
export async function confirmSubscription(tokenHash: string): Promise<ConfirmResult> {
  return getDb().transaction(async (tx) => {
    const [spent] = await tx
      .update(confirmationTokens)
      .set({ usedAt: sql`now()` })
      .where(and(eq(confirmationTokens.tokenHash, tokenHash), isNull(confirmationTokens.usedAt), gt(confirmationTokens.expiresAt, sql`now()`)))
      .returning({ subscriberId: confirmationTokens.subscriberId });
    if (!spent) {
      const [token] = await tx.select().from(confirmationTokens).where(eq(confirmationTokens.tokenHash, tokenHash));
      if (!token) return { ok: false, reason: 'unknown' };
      return { ok: false, reason: token.usedAt ? 'used' : 'expired' };
    }
    const [subscriber] = await tx
      .update(subscribers)
      .set({ status: 'confirmed', confirmedAt: sql`coalesce(${subscribers.confirmedAt}, now())` })
      .where(and(eq(subscribers.id, spent.subscriberId), or(eq(subscribers.status, 'pending'), eq(subscribers.status, 'confirmed'))))
      .returning();
    return subscriber ? { ok: true, subscriber } : { ok: false, reason: 'unsubscribed' };
  });
}

export async function getSubscriber(id: string): Promise<Subscriber | undefined> {
  const [row] = await getDb().select().from(subscribers).where(eq(subscribers.id, id));
  return row;
}

export async function getSubscriberByEmail(email: string): Promise<Subscriber | undefined> {
  const [row] = await getDb().select().from(subscribers).where(eq(subscribers.email, email));
  return row;
}

/** Marks a subscriber unsubscribed; the record stays, so a later sign-up works and history is kept. */
export async function unsubscribeSubscriber(id: string): Promise<Subscriber | undefined> {
  const [row] = await getDb()
    .update(subscribers)
    .set({
      status: 'unsubscribed',
      unsubscribedAt: sql`coalesce(${subscribers.unsubscribedAt}, now())`,
      lastEmailSentAt: null,
    })
    .where(eq(subscribers.id, id))
    .returning();
  return row;
}

export type SubscriberFilter = { search?: string; status?: Subscriber['status']; limit: number; offset: number };

function filterCondition({ search, status }: Pick<SubscriberFilter, 'search' | 'status'>) {
  const escaped = search?.replace(/[\\%_]/g, (char) => `\\${char}`);
  return and(status ? eq(subscribers.status, status) : undefined, escaped ? ilike(subscribers.email, `%${escaped}%`) : undefined);
}

/** A subscriber as the newsroom lists them: with the reason their address is suppressed, if it is. */
export type ListedSubscriber = Subscriber & { suppressed: EmailSuppression['reason'] | null };

const listed = { ...getTableColumns(subscribers), suppressed: emailSuppressions.reason };

export async function listSubscribers(filter: SubscriberFilter): Promise<{ rows: ListedSubscriber[]; total: number }> {
  const where = filterCondition(filter);
  const [rows, [total]] = await Promise.all([
    getDb()
      .select(listed)
      .from(subscribers)
      .leftJoin(emailSuppressions, eq(emailSuppressions.email, subscribers.email))
      .where(where)
      .orderBy(desc(subscribers.createdAt))
      .limit(filter.limit)
      .offset(filter.offset),
    getDb().select({ value: count() }).from(subscribers).where(where),
  ]);
  return { rows, total: total?.value ?? 0 };
}

export async function countSubscribersByStatus(): Promise<Record<Subscriber['status'], number>> {
  const rows = await getDb().select({ status: subscribers.status, value: count() }).from(subscribers).groupBy(subscribers.status);
  const counts = { pending: 0, confirmed: 0, unsubscribed: 0 };
  for (const row of rows) counts[row.status] = row.value;
  return counts;
}

/** Every matching subscriber, oldest first, for the CSV export. */
export async function exportSubscribers(filter: Pick<SubscriberFilter, 'search' | 'status'>): Promise<ListedSubscriber[]> {
  return getDb()
    .select(listed)
    .from(subscribers)
    .leftJoin(emailSuppressions, eq(emailSuppressions.email, subscribers.email))
    .where(filterCondition(filter))
    .orderBy(asc(subscribers.createdAt));
}

/**
 * Takes the right to send a confirmed sign-up its welcome email, once: one conditional UPDATE, so of
 * two confirmations at the same time only one gets the row back. Imported readers never get one.
 */
export async function claimWelcome(id: string): Promise<{ email: string } | undefined> {
  const [row] = await getDb()
    .update(subscribers)
    .set({ welcomedAt: sql`now()` })
    .where(and(eq(subscribers.id, id), isNull(subscribers.welcomedAt), eq(subscribers.status, 'confirmed'), eq(subscribers.source, 'signup')))
    .returning({ email: subscribers.email });
  return row;
}
