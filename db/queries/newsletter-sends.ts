import 'server-only';

import { and, eq, inArray, sql } from 'drizzle-orm';

import { type Database, getDb } from '../index';
import { type DraftContent, draftRevisions, drafts, newsletterDeliveries, type NewsletterSend, newsletterSends } from '../schema';

/** What a send is made from: the article readers see now, as its published revision holds it. */
export type PublishedSnapshot = { revisionId: string; content: DraftContent; publishedAt: Date; contentUpdatedAt: Date | null };

export async function getPublishedSnapshot(draftId: string, db: Database = getDb()): Promise<PublishedSnapshot | undefined> {
  const [row] = await db
    .select({ revisionId: draftRevisions.id, content: draftRevisions.content, publishedAt: drafts.publishedAt, contentUpdatedAt: drafts.contentUpdatedAt })
    .from(drafts)
    .innerJoin(draftRevisions, eq(draftRevisions.id, drafts.publishedRevisionId))
    .where(eq(drafts.id, draftId));
  return row?.publishedAt ? { ...row, publishedAt: row.publishedAt } : undefined;
}

/** How many sends the draft has had (the next one is a resend when above 0). */
export async function countSendsOf(draftId: string, db: Database = getDb()): Promise<number> {
  const [row] = await db
    .select({ value: sql<number>`count(*)::int` })
    .from(newsletterSends)
    .where(eq(newsletterSends.draftId, draftId));
  return row?.value ?? 0;
}

type NewSend = { draftId: string; revisionId: string; subject: string; html: string; text: string; createdBy: string; again: boolean; seenSequence?: number };

/** 'already': emailed before, and no resend asked; 'stale': a resend, but another send came since the editor looked; 'live': one still going out. */
export type CreatedSend = { ok: true; send: NewsletterSend } | { ok: false; reason: 'unpublished' | 'already' | 'stale' | 'live' };

const LIVE: NewsletterSend['status'][] = ['sending', 'waiting', 'paused'];

/**
 * The send and one queued delivery per recipient, in one transaction: confirmed subscribers whose
 * address is not suppressed, copied by one INSERT … SELECT however long the list. The draft row is
 * locked first, so two editors pressing "Send" at once make one send, not two; a resend goes out
 * only if the draft's last send is the one the editor saw (`seenSequence`) and none is still live.
 */
export async function createSend(input: NewSend, db: Database = getDb()): Promise<CreatedSend> {
  return db.transaction(async (tx) => {
    const [draft] = await tx.select({ revisionId: drafts.publishedRevisionId }).from(drafts).where(eq(drafts.id, input.draftId)).for('update');
    if (!draft?.revisionId) return { ok: false, reason: 'unpublished' };
    const [last] = await tx
      .select({
        sequence: sql<number | null>`max(${newsletterSends.sequence})`,
        live: sql<number>`(count(*) filter (where ${inArray(newsletterSends.status, LIVE)}))::int`,
      })
      .from(newsletterSends)
      .where(eq(newsletterSends.draftId, input.draftId));
    const previous = last?.sequence ?? 0;
    if (previous > 0 && !input.again) return { ok: false, reason: 'already' };
    if (input.again && input.seenSequence !== previous) return { ok: false, reason: 'stale' };
    if (input.again && (last?.live ?? 0) > 0) return { ok: false, reason: 'live' };
    const { seenSequence: _seen, ...values } = input;
    const [created] = await tx
      .insert(newsletterSends)
      .values({ ...values, sequence: previous + 1 })
      .returning();
    const send = created!;
    const copied = await tx.execute(sql`
      insert into ${newsletterDeliveries} (send_id, subscriber_id, email)
      select ${send.id}, s.id, s.email from subscribers s
       where s.status = 'confirmed' and not exists (select 1 from email_suppressions e where e.email = s.email)`);
    const recipients = copied.count;
    const [updated] = await tx
      .update(newsletterSends)
      .set(recipients === 0 ? { recipients, status: 'done', finishedAt: new Date(), statusReason: 'Nobody to send to: no confirmed subscribers.' } : { recipients })
      .where(eq(newsletterSends.id, send.id))
      .returning();
    return { ok: true, send: updated! };
  });
}

export async function getSend(id: string, db: Database = getDb()): Promise<NewsletterSend | undefined> {
  const [row] = await db.select().from(newsletterSends).where(eq(newsletterSends.id, id));
  return row;
}

export async function getSendStatus(id: string, db: Database = getDb()): Promise<NewsletterSend['status'] | undefined> {
  const [row] = await db.select({ status: newsletterSends.status }).from(newsletterSends).where(eq(newsletterSends.id, id));
  return row?.status;
}

type Status = NewsletterSend['status'];

/**
 * Moves a send from one of `from` to `to` in one statement (so a pause and a cancel racing each
 * other cannot both win); the status it had when refused otherwise.
 */
export async function moveSend(
  id: string,
  from: Status[],
  to: Status,
  reason: string | null,
  db: Database = getDb(),
): Promise<{ ok: true } | { ok: false; status: Status | null }> {
  const moved = await db
    .update(newsletterSends)
    // A hold ends with a pause, resume or cancel: an editor acted, and a refusal after it starts a new one.
    .set({ status: to, statusReason: reason, resumeAt: null, heldSince: null, heldCode: null, updatedAt: new Date(), ...(to === 'cancelled' ? { finishedAt: new Date() } : {}) })
    .where(and(eq(newsletterSends.id, id), inArray(newsletterSends.status, from)))
    .returning({ id: newsletterSends.id });
  if (moved.length > 0) return { ok: true };
  return { ok: false, status: (await getSend(id, db))?.status ?? null };
}

/** Sends a worker should be working on: for the start-up sweep. */
export async function listLiveSends(db: Database = getDb()): Promise<{ id: string; resumeAt: Date | null }[]> {
  return db
    .select({ id: newsletterSends.id, resumeAt: newsletterSends.resumeAt })
    .from(newsletterSends)
    .where(inArray(newsletterSends.status, ['sending', 'waiting']));
}

/**
 * The send waits until `until`, with the reason in words: a limit reached, or (`byServer`) a mail
 * server that refuses, whose hold keeps the time it began across retries (held_since) and the code
 * it refused with (`code`, none for a refused login or sender).
 */
export async function holdSend(
  id: string,
  reason: string,
  until: Date,
  { byServer = false, code }: { byServer?: boolean; code?: string } = {},
  db: Database = getDb(),
): Promise<void> {
  await db
    .update(newsletterSends)
    .set({
      status: 'waiting',
      statusReason: reason,
      resumeAt: until,
      updatedAt: new Date(),
      ...(byServer ? { heldSince: sql`coalesce(${newsletterSends.heldSince}, now())`, heldCode: code ?? null } : {}),
    })
    .where(and(eq(newsletterSends.id, id), inArray(newsletterSends.status, ['sending', 'waiting'])));
}

/** A held send got a message through: it is sending again, and the mail server's hold is over. */
export async function clearHold(id: string, db: Database = getDb()): Promise<void> {
  await db
    .update(newsletterSends)
    .set({ status: 'sending', statusReason: null, resumeAt: null, heldSince: null, heldCode: null, updatedAt: new Date() })
    .where(
      and(
        eq(newsletterSends.id, id),
        inArray(newsletterSends.status, ['sending', 'waiting']),
        sql`(${newsletterSends.status} = 'waiting' or ${newsletterSends.heldSince} is not null)`,
      ),
    );
}
