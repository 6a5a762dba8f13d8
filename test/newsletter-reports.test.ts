import { randomUUID } from 'node:crypto';

import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';

import { closeDb, getDb } from '@/db';
import { countNotReached, getSend, listProblemDeliveries, listSends, sendsNeedingAttention, sendsOfDraft } from '@/db/queries/newsletter-reports';
import { suppressEmail } from '@/db/queries/suppressions';
import { newsletterSends } from '@/db/schema';
import { attentionText, progressOf, statusText } from '@/lib/newsletter/report';

import { seedDraft } from './helpers/drafts';

afterAll(closeDb);

type SendSeed = {
  status?: 'sending' | 'waiting' | 'paused' | 'cancelled' | 'done';
  sequence?: number;
  resumeAt?: Date;
  heldSince?: Date;
  updatedAt?: Date;
  createdAt?: Date;
  statusReason?: string;
};

async function seedSend(draft: { id: string; writerId: string }, seed: SendSeed = {}) {
  const [row] = await getDb()
    .insert(newsletterSends)
    .values({ draftId: draft.id, createdBy: draft.writerId, subject: 'Subject', html: '<p>Hi</p>', text: 'Hi', ...seed })
    .returning({ id: newsletterSends.id });
  return row!.id;
}

/** `count` deliveries of one status, each to a new confirmed subscriber, in one statement. */
async function seedDeliveries(sendId: string, status: string, count: number, extra: { response?: string; nextAttemptMinutesAgo?: number; updatedMinutesAgo?: number } = {}) {
  const unique = randomUUID().slice(0, 8);
  await getDb().execute(sql`
    with readers as (
      insert into subscribers (email, status, confirmed_at)
      select ${`r-${unique}-`} || g || '@example.org', 'confirmed', now() from generate_series(1, ${count}) g
      returning id, email)
    insert into newsletter_deliveries (send_id, subscriber_id, email, status, response, next_attempt_at, updated_at)
    select ${sendId}, id, email, ${status}::newsletter_delivery_status, ${extra.response ?? null},
           now() - make_interval(mins => ${extra.nextAttemptMinutesAgo ?? 0}), now() - make_interval(mins => ${extra.updatedMinutesAgo ?? 0}) - (random() * interval '1 second')
      from readers`);
}

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

describe('a send’s report', () => {
  it('counts 10,000 deliveries by status and pages the failures and bounces, latest first', async () => {
    const draft = await seedDraft();
    const sendId = await seedSend(draft, { recipients: 10_000 } as SendSeed);
    await seedDeliveries(sendId, 'sent', 9_000, { response: '250 OK' });
    await seedDeliveries(sendId, 'queued', 990);
    await seedDeliveries(sendId, 'sending', 2);
    await seedDeliveries(sendId, 'failed', 3, { response: '550 5.1.1 No such user', updatedMinutesAgo: 5 });
    await seedDeliveries(sendId, 'bounced', 2, { response: '554 Mailbox disabled', updatedMinutesAgo: 1 });
    await seedDeliveries(sendId, 'skipped', 3, { response: 'Unsubscribed before their turn' });

    const send = await getSend(sendId);
    expect(send).toMatchObject({ title: draft.title, slug: draft.slug, startedBy: draft.authorName, status: 'sending' });
    expect(send!.counts).toEqual({ queued: 990, sending: 2, sent: 9_000, failed: 3, bounced: 2, skipped: 3 });
    expect(progressOf(send!.counts)).toEqual({ sent: 9_000, failed: 3, bounced: 2, skipped: 3, remaining: 992, total: 10_000 });

    const pages = await Promise.all([0, 2, 4].map((offset) => listProblemDeliveries(sendId, { limit: 2, offset })));
    expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
    const rows = pages.flat();
    expect(new Set(rows.map((row) => row.email)).size).toBe(5);
    // The bounces are the latest.
    expect(rows.map((row) => row.status)).toEqual(['bounced', 'bounced', 'failed', 'failed', 'failed']);
    expect(rows[0]!.response).toBe('554 Mailbox disabled');
    expect(rows[4]!.response).toBe('550 5.1.1 No such user');
  });

  it('lists sends newest first with their article, a page at a time', async () => {
    const draft = await seedDraft();
    const ids = [];
    for (const [index, minutes] of [30, 20, 10].entries()) ids.push(await seedSend(draft, { sequence: index + 1, createdAt: minutesAgo(minutes), status: 'done' }));
    await seedDeliveries(ids[2]!, 'sent', 4);
    const { rows, total } = await listSends({ limit: 1_000, offset: 0 });
    expect(total).toBeGreaterThanOrEqual(3);
    const mine = rows.filter((row) => row.draftId === draft.id);
    expect(mine.map((row) => row.id)).toEqual([...ids].reverse());
    expect(mine[0]).toMatchObject({ title: draft.title, sequence: 3, counts: { sent: 4, queued: 0, failed: 0 } });
    const first = await listSends({ limit: 1, offset: 0 });
    const second = await listSends({ limit: 1, offset: 1 });
    expect(first.rows).toHaveLength(1);
    expect(second.rows[0]?.id).not.toBe(first.rows[0]?.id);
    expect((await sendsOfDraft(draft.id)).map((row) => row.sequence)).toEqual([3, 2, 1]);
  });

  it('reads a waiting send’s reason and when it continues, on the site’s clock', () => {
    const site = { locale: 'en-GB', timeZone: 'Europe/London' };
    expect(statusText({ status: 'waiting', statusReason: 'hourly limit reached', resumeAt: new Date('2026-11-25T15:00:00Z') }, site)).toBe(
      'Waiting: hourly limit reached, continues at 25 Nov 2026, 15:00',
    );
    expect(statusText({ status: 'done', statusReason: null, resumeAt: null }, site)).toBe('Done');
    // The newsroom's own reasons read after the label, never repeating it.
    expect(statusText({ status: 'cancelled', statusReason: 'by an editor.', resumeAt: null }, site)).toBe('Cancelled: by an editor');
  });

  it('says the time once when the engine’s reason already says it', () => {
    const site = { locale: 'en-GB', timeZone: 'Europe/London' };
    const resumeAt = new Date('2026-11-25T15:00:00Z');
    expect(statusText({ status: 'waiting', statusReason: 'Hourly limit of 500 messages reached; continues at 25 Nov 2026, 15:00.', resumeAt }, site)).toBe(
      'Waiting: Hourly limit of 500 messages reached; continues at 25 Nov 2026, 15:00',
    );
    expect(statusText({ status: 'waiting', statusReason: 'The mail server refuses: 421 Try later; trying again at 25 Nov 2026, 15:00.', resumeAt }, site)).toBe(
      'Waiting: The mail server refuses: 421 Try later; trying again at 25 Nov 2026, 15:00',
    );
  });

  it('counts a cancelled send’s readers not reached: skipped, still confirmed and not suppressed', async () => {
    const draft = await seedDraft();
    const sendId = await seedSend(draft, { status: 'cancelled' });
    await seedDeliveries(sendId, 'sent', 2);
    await seedDeliveries(sendId, 'skipped', 4, { response: 'Cancelled before their turn.' });
    await seedDeliveries(sendId, 'failed', 1);
    // Skipped for another reason before the cancel (a reader who left and came back since): not the cancel's, not counted.
    await seedDeliveries(sendId, 'skipped', 1, { response: 'Skipped: the reader had unsubscribed.' });
    const [left, suppressed] = (
      await getDb().execute<{ email: string }>(
        sql`select email from newsletter_deliveries where send_id = ${sendId} and response = 'Cancelled before their turn.' order by email limit 2`,
      )
    ).map((row) => row.email);
    await getDb().execute(sql`update subscribers set status = 'unsubscribed' where email = ${left!}`);
    await suppressEmail({ email: suppressed!, reason: 'hard_bounce', detail: 'test' });
    expect(await countNotReached(sendId)).toBe(2);
  });
});

describe('sends needing attention', () => {
  it('finds the long paused, the overdue, the stalled and the recently failed, and leaves the rest', async () => {
    const draft = await seedDraft();
    let sequence = 0;
    const send = (seed: SendSeed) => seedSend(draft, { sequence: (sequence += 1), ...seed });
    const expected = {
      longPaused: await send({ status: 'paused', updatedAt: minutesAgo(120) }),
      overdue: await send({ status: 'waiting', resumeAt: minutesAgo(60), updatedAt: minutesAgo(90) }),
      stalled: await send({ status: 'sending' }),
      failedToday: await send({ status: 'done', createdAt: minutesAgo(60) }),
      // Refused again and again: its resume_at keeps moving a minute ahead, so it is never overdue.
      refusedForLong: await send({ status: 'waiting', heldSince: minutesAgo(30), resumeAt: new Date(Date.now() + 60_000), updatedAt: minutesAgo(1) }),
    };
    const fine = {
      justPaused: await send({ status: 'paused', updatedAt: minutesAgo(5) }),
      waitingForTomorrow: await send({ status: 'waiting', resumeAt: new Date(Date.now() + 86_400_000), updatedAt: minutesAgo(600) }),
      working: await send({ status: 'sending' }),
      failedLastWeek: await send({ status: 'done', createdAt: minutesAgo(7 * 24 * 60) }),
      bouncedOnly: await send({ status: 'done' }),
      justRefused: await send({ status: 'waiting', heldSince: minutesAgo(3), resumeAt: new Date(Date.now() + 60_000), updatedAt: minutesAgo(1) }),
    };
    await seedDeliveries(expected.stalled, 'queued', 3, { nextAttemptMinutesAgo: 30 });
    await seedDeliveries(fine.working, 'queued', 3, { nextAttemptMinutesAgo: 1 });
    await seedDeliveries(expected.failedToday, 'failed', 2, { response: '550 Rejected' });
    await seedDeliveries(fine.failedLastWeek, 'failed', 1, { response: '550 Rejected' });
    await seedDeliveries(fine.bouncedOnly, 'bounced', 1, { response: '550 No such user' });

    const found = (await sendsNeedingAttention()).filter((row) => row.draftId === draft.id);
    const byId = new Map(found.map((row) => [row.id, row]));
    expect(new Set(byId.keys())).toEqual(new Set(Object.values(expected)));
    expect(byId.get(expected.longPaused)?.trouble).toBe('paused');
    expect(byId.get(expected.overdue)?.trouble).toBe('overdue');
    expect(byId.get(expected.stalled)?.trouble).toBe('stalled');
    expect(byId.get(expected.failedToday)).toMatchObject({ trouble: null, counts: { failed: 2 } });
    expect(byId.get(expected.refusedForLong)?.trouble).toBe('refused');
    expect(attentionText(byId.get(expected.refusedForLong)!, { locale: 'en-GB' })).toMatch(/^The mail server has refused this send for over ten minutes/);
  });
});
