import 'server-only';

import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';

import { getDb } from '../index';
import { deliveryStatus, drafts, emailSuppressions, newsletterDeliveries, type NewsletterDelivery, type NewsletterSend, newsletterSends, subscribers, users } from '../schema';
import { skippedByCancel } from './newsletter-retries';

// What the newsroom reads about newsletter sends. Every query is paged or bounded, and counts come
// from the deliveries' (send_id, status, …) index, so a send to 10,000 readers reads as fast as one to 10.

export type DeliveryCounts = Record<NewsletterDelivery['status'], number>;

export type SendRow = Pick<
  NewsletterSend,
  'id' | 'draftId' | 'sequence' | 'subject' | 'status' | 'statusReason' | 'resumeAt' | 'recipients' | 'createdAt' | 'updatedAt' | 'finishedAt'
> & {
  title: string;
  slug: string;
  startedBy: string;
  counts: DeliveryCounts;
};

const sendColumns = {
  id: newsletterSends.id,
  draftId: newsletterSends.draftId,
  sequence: newsletterSends.sequence,
  subject: newsletterSends.subject,
  status: newsletterSends.status,
  statusReason: newsletterSends.statusReason,
  resumeAt: newsletterSends.resumeAt,
  recipients: newsletterSends.recipients,
  createdAt: newsletterSends.createdAt,
  updatedAt: newsletterSends.updatedAt,
  finishedAt: newsletterSends.finishedAt,
  title: drafts.title,
  slug: drafts.slug,
  startedBy: users.name,
};

const noCounts = (): DeliveryCounts => Object.fromEntries(deliveryStatus.enumValues.map((status) => [status, 0])) as DeliveryCounts;

/** Deliveries per status of each send, in one grouped read of the index. */
async function countsOf(sendIds: string[]): Promise<Map<string, DeliveryCounts>> {
  const counts = new Map(sendIds.map((id) => [id, noCounts()]));
  if (sendIds.length === 0) return counts;
  const rows = await getDb()
    .select({ sendId: newsletterDeliveries.sendId, status: newsletterDeliveries.status, value: count() })
    .from(newsletterDeliveries)
    .where(inArray(newsletterDeliveries.sendId, sendIds))
    .groupBy(newsletterDeliveries.sendId, newsletterDeliveries.status);
  for (const row of rows) counts.get(row.sendId)![row.status] = row.value;
  return counts;
}

type Base = Omit<SendRow, 'counts'>;

async function withCounts<Row extends Base>(rows: Row[]): Promise<(Row & { counts: DeliveryCounts })[]> {
  const counts = await countsOf(rows.map((row) => row.id));
  return rows.map((row) => ({ ...row, counts: counts.get(row.id)! }));
}

const sends = () =>
  getDb().select(sendColumns).from(newsletterSends).innerJoin(drafts, eq(drafts.id, newsletterSends.draftId)).innerJoin(users, eq(users.id, newsletterSends.createdBy));

/** Every send, newest first, a page at a time. */
export async function listSends({ limit, offset }: { limit: number; offset: number }): Promise<{ rows: SendRow[]; total: number }> {
  const [rows, [total]] = await Promise.all([
    sends().orderBy(desc(newsletterSends.createdAt), desc(newsletterSends.id)).limit(limit).offset(offset),
    getDb().select({ value: count() }).from(newsletterSends),
  ]);
  return { rows: await withCounts(rows), total: total?.value ?? 0 };
}

export async function getSend(id: string): Promise<SendRow | undefined> {
  const [row] = await withCounts(await sends().where(eq(newsletterSends.id, id)));
  return row;
}

/** The article's sends, latest first: whether it went out, and how often. */
export async function sendsOfDraft(draftId: string): Promise<SendRow[]> {
  return withCounts(await sends().where(eq(newsletterSends.draftId, draftId)).orderBy(desc(newsletterSends.sequence)).limit(20));
}

/**
 * The readers a cancelled send never reached and could still reach: the rows the cancel skipped
 * (those "Continue sending" queues again) whose subscriber is confirmed and not suppressed.
 */
export async function countNotReached(sendId: string): Promise<number> {
  const d = newsletterDeliveries;
  const [row] = await getDb()
    .select({ value: count() })
    .from(d)
    .innerJoin(subscribers, eq(subscribers.id, d.subscriberId))
    .where(
      and(eq(d.sendId, sendId), skippedByCancel, eq(subscribers.status, 'confirmed'), sql`not exists (select 1 from ${emailSuppressions} e where e.email = ${subscribers.email})`),
    );
  return row?.value ?? 0;
}

/** What decides whether a send's remedies may go on (see requeue in newsletter-retries.ts): read for the page. */
export async function remedyStateOf(send: Pick<SendRow, 'id' | 'draftId' | 'sequence'>): Promise<{ published: boolean; latest: boolean; otherLive: boolean }> {
  const [row] = await getDb().execute<{ published: boolean; latest: boolean; other_live: boolean }>(sql`
    select exists (select 1 from ${drafts} where id = ${send.draftId} and published_revision_id is not null) as published,
           (select max(sequence) from ${newsletterSends} where draft_id = ${send.draftId}) = ${send.sequence} as latest,
           exists (select 1 from ${newsletterSends} where draft_id = ${send.draftId} and id <> ${send.id} and status in ('sending', 'waiting', 'paused')) as other_live`);
  return { published: row?.published ?? false, latest: row?.latest ?? false, otherLive: row?.other_live ?? false };
}

export type ProblemDelivery = Pick<NewsletterDelivery, 'subscriberId' | 'email' | 'status' | 'response' | 'attempts' | 'updatedAt'>;

/** The send's failures and bounces with the mail server's reasons, latest first, a page at a time. */
export async function listProblemDeliveries(sendId: string, { limit, offset }: { limit: number; offset: number }): Promise<ProblemDelivery[]> {
  const d = newsletterDeliveries;
  return getDb()
    .select({ subscriberId: d.subscriberId, email: d.email, status: d.status, response: d.response, attempts: d.attempts, updatedAt: d.updatedAt })
    .from(d)
    .where(and(eq(d.sendId, sendId), inArray(d.status, ['failed', 'bounced'])))
    .orderBy(desc(d.updatedAt), d.subscriberId)
    .limit(limit)
    .offset(offset);
}

/** Who a send would go to now: confirmed subscribers whose address is not suppressed. */
export async function countEligibleRecipients(): Promise<number> {
  const [row] = await getDb()
    .select({ value: count() })
    .from(subscribers)
    .where(and(eq(subscribers.status, 'confirmed'), sql`not exists (select 1 from ${emailSuppressions} e where e.email = ${subscribers.email})`));
  return row?.value ?? 0;
}

/**
 * Why a send needs a person: 'paused' for long, 'overdue' (waiting, its time to continue long past),
 * 'stalled' (sending, with work due long ago that nobody did: no worker running), 'refused' (the
 * mail server has refused it for long: its resume_at keeps moving, so it is never overdue), or only failures.
 */
export type Trouble = 'paused' | 'overdue' | 'stalled' | 'refused' | null;

export type Thresholds = { stalledMinutes: number; pausedMinutes: number; refusedMinutes: number; failuresHours: number };

export const ATTENTION: Thresholds = { stalledMinutes: 10, pausedMinutes: 60, refusedMinutes: 10, failuresHours: 72 };

/**
 * Sends the overview must show: live ones in trouble (see Trouble), and those with permanent
 * failures, live or started in the last `failuresHours`. Bounces are not trouble: the engine
 * suppresses those addresses, as a list's upkeep. Bounded: the 20 newest.
 */
export async function sendsNeedingAttention(thresholds: Thresholds = ATTENTION): Promise<(SendRow & { trouble: Trouble })[]> {
  const s = newsletterSends;
  const minutes = (value: number) => sql`now() - make_interval(mins => ${value})`;
  const stalled = sql`(${s.status} = 'sending' and exists (
      select 1 from ${newsletterDeliveries} d where d.send_id = ${s.id}
         and ((d.status = 'queued' and d.next_attempt_at < ${minutes(thresholds.stalledMinutes)})
           or (d.status = 'sending' and d.claimed_at < ${minutes(thresholds.stalledMinutes)}))))`;
  const overdue = sql`(${s.status} = 'waiting' and coalesce(${s.resumeAt}, ${s.updatedAt}) < ${minutes(thresholds.stalledMinutes)})`;
  const paused = sql`(${s.status} = 'paused' and ${s.updatedAt} < ${minutes(thresholds.pausedMinutes)})`;
  const refused = sql`(${s.status} in ('sending', 'waiting') and ${s.heldSince} < ${minutes(thresholds.refusedMinutes)})`;
  const failed = sql`((${s.status} in ('sending', 'waiting', 'paused') or ${s.createdAt} > now() - make_interval(hours => ${thresholds.failuresHours}))
      and exists (select 1 from ${newsletterDeliveries} d where d.send_id = ${s.id} and d.status = 'failed'))`;
  const rows = await getDb()
    .select({
      ...sendColumns,
      trouble: sql<Trouble>`case when ${paused} then 'paused' when ${refused} then 'refused' when ${overdue} then 'overdue' when ${stalled} then 'stalled' end`,
    })
    .from(s)
    .innerJoin(drafts, eq(drafts.id, s.draftId))
    .innerJoin(users, eq(users.id, s.createdBy))
    .where(sql`${paused} or ${refused} or ${overdue} or ${stalled} or ${failed}`)
    .orderBy(desc(s.createdAt))
    .limit(20);
  return withCounts(rows);
}
