import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';

import { closeDb, getDb } from '@/db';
import { isSuppressed } from '@/db/queries/suppressions';
import { newsletterSends } from '@/db/schema';
import { openMailPool } from '@/lib/mail/transport';
import { classifySmtpError } from '@/lib/newsletter/delivery/smtp-errors';
import { deliverSend } from '@/lib/newsletter/delivery/worker';

import { deliveriesOf, deliveryCounts, seedSend, seedSubscribers } from './helpers/newsletter-send';
import { startSink } from './helpers/smtp-sink';

afterAll(closeDb);

const NO_LIMITS = { perSecond: 0, perHour: 0, perDay: 0 };
const sendRow = async (id: string) => (await getDb().select().from(newsletterSends).where(eq(newsletterSends.id, id)))[0]!;

async function run(sendId: string, url: string) {
  const pool = openMailPool(url, 3);
  try {
    return await deliverSend(sendId, { pool, limits: NO_LIMITS, connections: 3 });
  } finally {
    pool.close();
  }
}

describe('a 5xx that is about the sender, not the reader', () => {
  it('bounces only an unknown address (5.1.1, 5.1.2, 5.1.3, 5.1.6, 5.1.10), never a sender or relay refusal, a quota or a bare 550', () => {
    const rcpt = (responseCode: number, response: string) =>
      classifySmtpError(Object.assign(new Error(response), { code: 'EENVELOPE', command: 'RCPT TO', responseCode, response }));
    for (const code of ['5.1.1', '5.1.2', '5.1.3', '5.1.6', '5.1.10']) expect(rcpt(550, `550 ${code} No such user`).kind, code).toBe('bounce');
    expect(rcpt(550, '550-5.1.1 The email account that you tried to reach does not exist.\n550 5.1.1 Please try again.').kind).toBe('bounce');
    // Postfix with smtpd_delay_reject=yes refuses a bad sender at RCPT.
    expect(rcpt(553, '553 5.1.8 <news@example.org>: Sender address rejected: Domain not found').kind).toBe('fail');
    expect(rcpt(550, '550 5.1.0 <news@example.org>: Sender address rejected: User unknown in local recipient table').kind).toBe('fail');
    expect(rcpt(550, '550 5.1.7 Bad sender mailbox address syntax').kind).toBe('fail');
    expect(rcpt(550, '550 5.1.1 <reader@example.net>: Relay access denied').kind).toBe('fail');
    expect(rcpt(550, '550 Relaying denied').kind).toBe('fail');
    expect(rcpt(550, '550 Requested action not taken: mailbox unavailable').kind).toBe('fail');
    expect(rcpt(553, '553 Mailbox name not allowed').kind).toBe('fail');
    // An address in the text is no enhanced code.
    const dotted = rcpt(550, '550 Message refused: connection from 10.5.1.20 is listed');
    expect(dotted).toMatchObject({ kind: 'fail', code: '550' });
    expect(rcpt(550, '550 5.7.1 Unable to relay').kind).toBe('fail');
    expect(rcpt(550, '550 5.4.5 Daily sending quota exceeded').kind).toBe('fail');
    expect(rcpt(551, '551 5.7.1 User not local').kind).toBe('fail');
    expect(rcpt(550, '550 5.7.1 Unable to relay').code).toBe('550 5.7.1');
  });

  it('halts the send, failing and suppressing nobody, when the server refuses every recipient with 550 5.7.1', async () => {
    const sink = await startSink({ refuseEveryone: { code: 550, message: '5.7.1 Unable to relay' } });
    const people = await seedSubscribers(30);
    const send = await seedSend(people);
    expect((await run(send.id, sink.url)).next).toBe('later');
    await sink.close();
    const row = await sendRow(send.id);
    expect(row.status).toBe('waiting');
    expect(row.statusReason).toMatch(/^The mail server refused 10 messages in a row \(.*5\.7\.1 Unable to relay.*\); trying again at .+\.$/);
    const counts = await deliveryCounts(send.id);
    expect(counts.bounced).toBeUndefined();
    expect(counts.failed).toBeUndefined();
    expect(counts.queued).toBe(30);
    for (const person of people) expect(await isSuppressed(person.email), person.email).toBe(false);
  });

  it('halts on a run of 4xx quota refusals instead of pushing every reader into retries', async () => {
    const sink = await startSink({ refuseEveryone: { code: 454, message: 'Daily message quota exceeded' } });
    const send = await seedSend(await seedSubscribers(40));
    expect((await run(send.id, sink.url)).next).toBe('later');
    await sink.close();
    expect((await sendRow(send.id)).statusReason).toMatch(/^The mail server refused 10 messages in a row \(.*454.*quota/);
    const rows = await deliveriesOf(send.id);
    expect(rows.every((delivery) => delivery.status === 'queued')).toBe(true);
    // The ten refused, and the two other lanes' messages in flight, hold one attempt each; no row was given a retry time in the future.
    const tried = rows.filter((delivery) => delivery.attempts === 1).length;
    expect(tried).toBeGreaterThanOrEqual(10);
    expect(tried).toBeLessThanOrEqual(12);
    expect(rows.filter((delivery) => delivery.attempts > 1)).toHaveLength(0);
    expect(rows.every((delivery) => delivery.nextAttemptAt.getTime() <= Date.now())).toBe(true);
  });

  it('judges a reader refused on their third attempt on their own, so dead addresses cannot hold a send forever', async () => {
    const sink = await startSink({ refuseEveryone: { code: 550, message: '5.1.1 No such user here' } });
    const people = await seedSubscribers(12);
    const send = await seedSend(people);
    await getDb().execute(sql`update newsletter_deliveries set attempts = 2 where send_id = ${send.id}`);
    expect(await run(send.id, sink.url)).toEqual({ next: 'done' });
    await sink.close();
    expect(await deliveryCounts(send.id)).toEqual({ bounced: 12 });
  });
});

describe('a send the mail server halted on one code', () => {
  it('judges no reader on that code while the hold lasts, however often they were refused; another code is judged', async () => {
    const people = await seedSubscribers(12);
    const sink = await startSink({ unknown: [people[0]!.email, people[1]!.email], refuseEveryone: { code: 550, message: '5.7.1 Unable to relay' } });
    const send = await seedSend(people);
    // Halted on "550 5.7.1" before, twice refused each, and due again now.
    await getDb().execute(sql`update newsletter_deliveries set attempts = 2 where send_id = ${send.id}`);
    await getDb().execute(
      sql`update newsletter_sends set status = 'waiting', resume_at = now(), held_since = now() - interval '5 minutes', held_code = '550 5.7.1' where id = ${send.id}`,
    );
    expect((await run(send.id, sink.url)).next).toBe('later');
    await sink.close();
    expect(await deliveryCounts(send.id)).toEqual({ bounced: 2, queued: 10 });
    const waiting = (await deliveriesOf(send.id)).filter((row) => row.status === 'queued');
    for (const row of waiting) {
      expect(row.response).toMatch(/5\.7\.1 Unable to relay/);
      expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
      expect(await isSuppressed(row.email)).toBe(false);
    }
    expect(await sendRow(send.id)).toMatchObject({ status: 'waiting', heldCode: '550 5.7.1' });
  });

  it('remembers the code it halted on, and forgets it once a message is accepted', async () => {
    const refusing = await startSink({ refuseEveryone: { code: 550, message: '5.7.1 Unable to relay' } });
    const send = await seedSend(await seedSubscribers(10));
    await run(send.id, refusing.url);
    await refusing.close();
    expect(await sendRow(send.id)).toMatchObject({ status: 'waiting', heldCode: '550 5.7.1' });
    const accepting = await startSink();
    await getDb().execute(sql`update newsletter_sends set resume_at = now() where id = ${send.id}`);
    expect(await run(send.id, accepting.url)).toEqual({ next: 'done' });
    await accepting.close();
    expect(await sendRow(send.id)).toMatchObject({ status: 'done', heldSince: null, heldCode: null });
  });
});

describe('when a hold began', () => {
  it('keeps held_since across the mail server’s refusals, not for a limit, and clears it once a message is accepted', async () => {
    const refusing = await startSink({ refuseLogin: true });
    const send = await seedSend(await seedSubscribers(6));
    await run(send.id, refusing.url);
    const first = (await sendRow(send.id)).heldSince;
    expect(first).toBeInstanceOf(Date);
    // The retry comes, and the server still refuses: the hold's start stays where it was.
    await getDb().execute(sql`update newsletter_sends set updated_at = updated_at - (resume_at - now()), resume_at = now() where id = ${send.id}`);
    await run(send.id, refusing.url);
    await refusing.close();
    const second = await sendRow(send.id);
    expect(second.status).toBe('waiting');
    expect(second.heldSince).toEqual(first);
    expect(second.resumeAt!.getTime()).toBeGreaterThan(first!.getTime());

    const accepting = await startSink();
    await getDb().execute(sql`update newsletter_sends set resume_at = now() where id = ${send.id}`);
    expect(await run(send.id, accepting.url)).toEqual({ next: 'done' });
    await accepting.close();
    expect(await sendRow(send.id)).toMatchObject({ status: 'done', heldSince: null });
  });

  it('waits a minute longer than the refusals have lasted: a wait for a limit before them does not count', async () => {
    const refusing = await startSink({ refuseLogin: true });
    const send = await seedSend(await seedSubscribers(2));
    // Just back from an hour's wait for the hourly limit; the server refuses for the first time.
    await getDb().execute(sql`update newsletter_sends set status = 'waiting', resume_at = now(), updated_at = now() - interval '1 hour' where id = ${send.id}`);
    await run(send.id, refusing.url);
    const first = await sendRow(send.id);
    expect(first.resumeAt!.getTime() - first.heldSince!.getTime()).toBeLessThan(90_000);
    // Refused for 8 minutes now: the next wait is 9 minutes.
    await getDb().execute(sql`update newsletter_sends set resume_at = now(), held_since = now() - interval '8 minutes' where id = ${send.id}`);
    await run(send.id, refusing.url);
    await refusing.close();
    const second = await sendRow(send.id);
    const waited = second.resumeAt!.getTime() - second.updatedAt.getTime();
    expect(waited).toBeGreaterThan(8.5 * 60_000);
    expect(waited).toBeLessThan(10 * 60_000);
  });

  it('leaves held_since empty for an hourly limit', async () => {
    const sink = await startSink();
    const send = await seedSend(await seedSubscribers(3));
    const [taken] = await getDb().execute<{ count: number }>(sql`select count(*)::int as count from newsletter_deliveries where claimed_at > now() - interval '1 hour'`);
    const pool = openMailPool(sink.url, 1);
    expect((await deliverSend(send.id, { pool, connections: 1, limits: { perSecond: 0, perHour: taken!.count + 1, perDay: 0 } })).next).toBe('later');
    pool.close();
    await sink.close();
    expect(await sendRow(send.id)).toMatchObject({ status: 'waiting', heldSince: null });
  });
});
