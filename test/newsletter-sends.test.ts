import { randomUUID } from 'node:crypto';

import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';

import { closeDb, getDb } from '@/db';
import { publishDraft } from '@/db/queries/publishing';
import { suppressEmail } from '@/db/queries/suppressions';
import { newsletterSends, subscribers } from '@/db/schema';
import { openMailPool } from '@/lib/mail/transport';
import { UNSUBSCRIBE_PLACEHOLDER } from '@/lib/newsletter/delivery/message';
import { classifySmtpError } from '@/lib/newsletter/delivery/smtp-errors';
import { deliverSend } from '@/lib/newsletter/delivery/worker';
import { cancelSend, pauseSend, resumeSend, startSend } from '@/lib/newsletter/sends';

import { searchEntryFor, seedDraft } from './helpers/drafts';
import { deliveriesOf, deliveryCounts, seedSend, seedSubscribers } from './helpers/newsletter-send';
import { startSink } from './helpers/smtp-sink';

afterAll(closeDb);

const NO_LIMITS = { perSecond: 0, perHour: 0, perDay: 0 };
const sendRow = async (id: string) => (await getDb().select().from(newsletterSends).where(eq(newsletterSends.id, id)))[0]!;

describe('starting a send', () => {
  it('renders the published article once and snapshots confirmed, unsuppressed subscribers; a second send needs "again"', async () => {
    const draft = await seedDraft();
    expect(await startSend({ draftId: draft.id, by: draft.writerId, again: false })).toEqual({ ok: false, error: expect.stringContaining('not published') });
    await publishDraft(draft.id, 1, await searchEntryFor(draft.id));

    const tag = randomUUID().slice(0, 8);
    const [kept, suppressed] = await seedSubscribers(2, tag);
    await suppressEmail({ email: suppressed!.email, reason: 'hard_bounce', detail: 'test' });
    const others = await getDb()
      .insert(subscribers)
      .values([
        { email: `pending-${tag}@${tag}.example`, status: 'pending' },
        { email: `left-${tag}@${tag}.example`, status: 'unsubscribed' },
      ])
      .returning({ id: subscribers.id });

    const started = await startSend({ draftId: draft.id, by: draft.writerId, again: false });
    expect(started).toMatchObject({ ok: true, message: expect.stringMatching(/^Sending to [\d,]+ subscribers?\.$/) });
    if (!started.ok) return;
    const send = await sendRow(started.sendId);
    expect(send).toMatchObject({ status: 'sending', sequence: 1, subject: draft.title, draftId: draft.id });
    expect(send.html).toContain(UNSUBSCRIBE_PLACEHOLDER);
    expect(send.text).toContain(draft.title);
    const ids = new Set((await deliveriesOf(send.id)).map((row) => row.subscriberId));
    expect(send.recipients).toBe(ids.size);
    expect(ids.has(kept!.id)).toBe(true);
    for (const left of [suppressed!, ...others]) expect(ids.has(left.id)).toBe(false);

    expect(await startSend({ draftId: draft.id, by: draft.writerId, again: false })).toEqual({ ok: false, error: expect.stringContaining('already been emailed') });
    // A resend waits for the first to finish, and names the send the editor saw (see newsletter-resends.test.ts).
    await getDb().update(newsletterSends).set({ status: 'done' }).where(eq(newsletterSends.id, send.id));
    const again = await startSend({ draftId: draft.id, by: draft.writerId, again: true, seenSequence: 1 });
    expect(again.ok).toBe(true);
    if (again.ok) expect((await sendRow(again.sendId)).sequence).toBe(2);
    // Its job is on the queue every test file shares: cancelled, so another file's worker that takes it sends nothing.
    if (again.ok) await cancelSend(again.sendId);
    expect(await startSend({ draftId: 'not-an-id', by: draft.writerId, again: false })).toEqual({ ok: false, error: 'Unknown draft.' });
  });
});

describe('pausing, resuming and cancelling', () => {
  it('stops the worker before its next claim, and cancelling skips what is left', async () => {
    const sink = await startSink();
    const send = await seedSend(await seedSubscribers(12));
    expect(await pauseSend(send.id)).toMatchObject({ ok: true });
    expect(await pauseSend(send.id)).toEqual({ ok: false, error: 'This send is already paused.' });
    const pool = openMailPool(sink.url, 2);
    expect(await deliverSend(send.id, { pool, limits: NO_LIMITS, connections: 2 })).toEqual({ next: 'done' });
    expect(sink.messages).toHaveLength(0);

    expect(await resumeSend(send.id)).toMatchObject({ ok: true });
    expect(await resumeSend(send.id)).toEqual({ ok: false, error: 'This send is already sending.' });
    // An editor cancels as the fifth message goes out: the batch in hand (four a second here) finishes, no other starts.
    let handed = 0;
    let cancelled: Awaited<ReturnType<typeof cancelSend>> | undefined;
    const cancelling = {
      close: () => {},
      reset: () => pool.reset(),
      send: async (mail: Parameters<typeof pool.send>[0]) => {
        handed += 1;
        if (handed === 5) cancelled = await cancelSend(send.id);
        return pool.send(mail);
      },
    };
    expect(await deliverSend(send.id, { pool: cancelling, limits: { perSecond: 4, perHour: 0, perDay: 0 }, connections: 1 })).toEqual({ next: 'done' });
    expect(cancelled).toEqual({ ok: true, sendId: send.id, message: 'Cancelled: 4 messages will not be sent.' });
    pool.close();
    await sink.close();
    expect(await deliveryCounts(send.id)).toEqual({ sent: 8, skipped: 4 });
    expect(sink.messages).toHaveLength(8);
    expect((await deliveriesOf(send.id)).filter((row) => row.status === 'skipped').every((row) => row.response === 'Cancelled before their turn.')).toBe(true);
    expect(await sendRow(send.id)).toMatchObject({ status: 'cancelled', statusReason: 'by an editor.' });
    expect(await cancelSend(send.id)).toEqual({ ok: false, error: 'This send was cancelled.' });
    expect(await pauseSend(randomUUID())).toEqual({ ok: false, error: 'No such send.' });
  });
});

describe('a message that never gets through', () => {
  it('fails with the reason after its eighth temporary failure, and the send finishes', async () => {
    const [reader] = await seedSubscribers(1);
    const sink = await startSink({ busyAlways: [reader!.email] });
    const send = await seedSend([reader!]);
    const pool = openMailPool(sink.url, 1);
    // Seven attempts have failed already; the eighth is due now.
    await getDb().execute(sql`update newsletter_deliveries set attempts = 7 where send_id = ${send.id}`);
    expect(await deliverSend(send.id, { pool, limits: NO_LIMITS, connections: 1 })).toEqual({ next: 'done' });
    pool.close();
    await sink.close();
    const [row] = await deliveriesOf(send.id);
    expect(row).toMatchObject({ status: 'failed', attempts: 8 });
    expect(row!.response).toMatch(/^Gave up after 8 attempts: .*451/);
    expect(await sendRow(send.id)).toMatchObject({ status: 'done' });
  });
});

describe('a mail server that refuses the whole send', () => {
  it('waits instead of failing anyone when the login is refused, longer each time', async () => {
    const sink = await startSink({ refuseLogin: true });
    const send = await seedSend(await seedSubscribers(30));
    const pool = openMailPool(sink.url, 3);
    const first = await deliverSend(send.id, { pool, limits: NO_LIMITS, connections: 3 });
    expect(first.next).toBe('later');
    let row = await sendRow(send.id);
    expect(row.status).toBe('waiting');
    expect(row.statusReason).toMatch(/^The mail server refused the login \(.*535.*\); trying again at .+\.$/);
    const firstWait = row.resumeAt!.getTime() - row.updatedAt.getTime();
    expect(firstWait).toBeGreaterThanOrEqual(59_000);
    expect(await deliveryCounts(send.id)).toEqual({ queued: 30 });
    expect((await deliveriesOf(send.id)).every((delivery) => delivery.attempts === 0)).toBe(true);

    // Its time comes (the clock moved on by the wait), and the server still refuses: twice as long.
    await getDb().execute(
      sql`update newsletter_sends set updated_at = updated_at - (resume_at - now()), held_since = held_since - (resume_at - now()), resume_at = now() where id = ${send.id}`,
    );
    expect((await deliverSend(send.id, { pool, limits: NO_LIMITS, connections: 3 })).next).toBe('later');
    row = await sendRow(send.id);
    expect(row.resumeAt!.getTime() - row.updatedAt.getTime()).toBeGreaterThanOrEqual(2 * 59_000);
    expect(await deliveryCounts(send.id)).toEqual({ queued: 30 });
    pool.close();
    await sink.close();
  });

  it('waits when the server cannot be reached, without failing the list', async () => {
    const sink = await startSink();
    await sink.close();
    const send = await seedSend(await seedSubscribers(40));
    const pool = openMailPool(sink.url, 5);
    expect((await deliverSend(send.id, { pool, limits: NO_LIMITS, connections: 5 })).next).toBe('later');
    pool.close();
    const row = await sendRow(send.id);
    expect(row.status).toBe('waiting');
    expect(row.statusReason).toMatch(/^The mail server cannot be reached \(.*\); trying again at/);
    const counts = await deliveryCounts(send.id);
    expect(counts.failed).toBeUndefined();
    expect(counts.queued).toBe(40);
  });
});

describe('reading nodemailer errors', () => {
  it('tells the recipient’s problems from the server’s', () => {
    const error = (fields: object) => Object.assign(new Error('failed'), fields);
    expect(classifySmtpError(error({ code: 'EENVELOPE', responseCode: 550, command: 'RCPT TO', response: '550 5.1.1 No such user' })).kind).toBe('bounce');
    // 5.1.0 may be about the sender's address as well as the reader's: never a bounce.
    expect(classifySmtpError(error({ code: 'EENVELOPE', responseCode: 554, command: 'RCPT TO', response: '554 5.1.0 Address rejected' })).kind).toBe('fail');
    expect(classifySmtpError(error({ code: 'EENVELOPE', responseCode: 552, command: 'RCPT TO', response: '552 5.2.2 Mailbox full' })).kind).toBe('fail');
    expect(classifySmtpError(error({ code: 'EMESSAGE', responseCode: 554, command: 'DATA', response: '554 5.7.1 Message rejected' })).kind).toBe('fail');
    expect(classifySmtpError(error({ code: 'EENVELOPE', responseCode: 450, command: 'RCPT TO', response: '450 4.2.1 Try later' })).kind).toBe('retry');
    expect(classifySmtpError(error({ code: 'ETIMEDOUT' }))).toMatchObject({ kind: 'retry', network: true });
    expect(classifySmtpError(new Error('Reached maximum number of retries after connection was closed'))).toMatchObject({ kind: 'retry', network: true });
    expect(classifySmtpError(error({ code: 'EAUTH', responseCode: 535, command: 'AUTH PLAIN' })).kind).toBe('halt');
    expect(classifySmtpError(error({ code: 'EENVELOPE', responseCode: 553, command: 'MAIL FROM', response: '553 Sender not allowed' })).kind).toBe('halt');
    expect(classifySmtpError(error({ responseCode: 421, command: 'DATA', response: '421 Too many messages, closing' })).kind).toBe('halt');
  });
});
