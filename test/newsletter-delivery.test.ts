import { and, eq, isNull, sql } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { afterAll, describe, expect, it } from 'vitest';

import { closeDb, getDb } from '@/db';
import { unsubscribeSubscriber } from '@/db/queries/subscribers';
import { isSuppressed, suppressEmail } from '@/db/queries/suppressions';
import { newsletterDeliveries, newsletterSends } from '@/db/schema';
import { getSite } from '@/lib/content';
import { type MailPool, openMailPool } from '@/lib/mail/transport';
import { UNSUBSCRIBE_PLACEHOLDER } from '@/lib/newsletter/delivery/message';
import { deliverSend } from '@/lib/newsletter/delivery/worker';
import { verifyUnsubscribeToken } from '@/lib/newsletter/tokens';
import { appSecret } from '@/lib/secret';

import { deliveriesOf, deliveryCounts, seedSend, seedSubscribers } from './helpers/newsletter-send';
import { header, startSink } from './helpers/smtp-sink';

afterAll(closeDb);

const NO_LIMITS = { perSecond: 0, perHour: 0, perDay: 0 };
const tokenOf = (url: string) => decodeURIComponent(new URL(url).searchParams.get('token') ?? '');

async function run(sendId: string, url: string, options: Parameters<typeof deliverSend>[1] = {}) {
  const pool = options.pool ?? openMailPool(url, 5);
  try {
    return await deliverSend(sendId, { limits: NO_LIMITS, connections: 5, ...options, pool });
  } finally {
    pool.close();
  }
}

describe('delivering a newsletter send', () => {
  it('delivers one message to each of 200 subscribers, with their own unsubscribe headers and a stable Message-ID', async () => {
    const sink = await startSink();
    const people = await seedSubscribers(200);
    const send = await seedSend(people);
    expect(await run(send.id, sink.url)).toEqual({ next: 'done' });
    await sink.close();

    const counts = sink.counts();
    expect(counts.size).toBe(200);
    for (const person of people) expect(counts.get(person.email), person.email).toBe(1);
    const site = await getSite();
    const host = new URL(site.url).hostname;
    for (const person of people) {
      const raw = sink.messages.find((message) => message.to === person.email)!.raw;
      const [oneClick, page] = header(raw, 'List-Unsubscribe')!
        .split(/,\s*/)
        .map((part) => part.replace(/^<|>$/g, ''));
      expect(oneClick).toMatch(new RegExp(`^${site.url}/newsletter/unsubscribe/one-click\\?token=`));
      expect(page).toMatch(new RegExp(`^${site.url}/newsletter/unsubscribe\\?token=`));
      expect(verifyUnsubscribeToken(tokenOf(oneClick!), appSecret())).toBe(person.id);
      expect(verifyUnsubscribeToken(tokenOf(page!), appSecret())).toBe(person.id);
      expect(header(raw, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
      expect(header(raw, 'List-Id')).toBe(`"${site.name}" <newsletter.${host}>`);
      expect(header(raw, 'Message-ID')).toBe(`<${send.id}.${person.id}@${host}>`);
      expect(header(raw, 'From')).toContain(site.newsletter.fromAddress);
    }
    // The bodies carry the reader's own link where the placeholder was.
    for (const person of people.slice(0, 5)) {
      const parsed = await simpleParser(sink.messages.find((message) => message.to === person.email)!.raw);
      const page = header(sink.messages.find((message) => message.to === person.email)!.raw, 'List-Unsubscribe')!
        .split(/,\s*/)[1]!
        .slice(1, -1);
      expect(parsed.text).toContain(page);
      expect(parsed.html).toContain(`href="${page}"`);
      expect(parsed.html).not.toContain(UNSUBSCRIBE_PLACEHOLDER);
    }
    const rows = await deliveriesOf(send.id);
    expect(rows.every((row) => row.status === 'sent' && row.attempts === 1 && /queued as/.test(row.response ?? ''))).toBe(true);
    const [after] = await getDb().select().from(newsletterSends).where(eq(newsletterSends.id, send.id));
    expect(after).toMatchObject({ status: 'done' });
    expect(after!.finishedAt).toBeInstanceOf(Date);
  });

  it('tries a 4xx again later and delivers it once; a 550 bounces and suppresses the address', async () => {
    const people = await seedSubscribers(6);
    const [busy, unknown] = [people[0]!, people[1]!];
    const sink = await startSink({ busyOnce: [busy.email], unknown: [unknown.email] });
    const send = await seedSend(people);
    const first = await run(send.id, sink.url);
    expect(first.next).toBe('later');
    expect(await deliveryCounts(send.id)).toEqual({ sent: 4, queued: 1, bounced: 1 });
    const [waiting] = (await deliveriesOf(send.id)).filter((row) => row.subscriberId === busy.id);
    expect(waiting).toMatchObject({ status: 'queued', attempts: 1 });
    expect(waiting!.response).toContain('451');
    // Its retry is due a minute later: 50 to 70 seconds from now.
    const wait = waiting!.nextAttemptAt.getTime() - Date.now();
    expect(wait).toBeGreaterThan(50_000);
    expect(wait).toBeLessThan(70_000);
    if (first.next === 'later') expect(Math.abs(first.at.getTime() - waiting!.nextAttemptAt.getTime())).toBeLessThan(1000);

    // The minute passes.
    await getDb().update(newsletterDeliveries).set({ nextAttemptAt: new Date() }).where(eq(newsletterDeliveries.sendId, send.id));
    expect(await run(send.id, sink.url)).toEqual({ next: 'done' });
    await sink.close();
    expect(sink.counts().get(busy.email)).toBe(1);
    expect(sink.counts().has(unknown.email)).toBe(false);
    const rows = await deliveriesOf(send.id);
    expect(rows.find((row) => row.subscriberId === busy.id)).toMatchObject({ status: 'sent', attempts: 2 });
    const bounced = rows.find((row) => row.subscriberId === unknown.id)!;
    expect(bounced.status).toBe('bounced');
    expect(bounced.response).toContain('5.1.1');
    expect(await isSuppressed(unknown.email)).toBe(true);
    expect(await isSuppressed(busy.email)).toBe(false);
  });

  it('skips readers who unsubscribe or are suppressed while the send is under way', async () => {
    const sink = await startSink();
    const people = await seedSubscribers(30);
    const send = await seedSend(people);
    const inner = openMailPool(sink.url, 2);
    let gone: string[] = [];
    // At the first message, three readers whose turn has not come leave: two unsubscribe, one bounces elsewhere.
    const pool: MailPool = {
      close: () => inner.close(),
      reset: () => inner.reset(),
      send: async (mail) => {
        if (gone.length === 0) {
          const queued = await getDb()
            .select({ id: newsletterDeliveries.subscriberId, email: newsletterDeliveries.email })
            .from(newsletterDeliveries)
            .where(and(eq(newsletterDeliveries.sendId, send.id), eq(newsletterDeliveries.status, 'queued'), isNull(newsletterDeliveries.claimedAt)))
            .limit(3);
          gone = queued.map((row) => row.email);
          await unsubscribeSubscriber(queued[0]!.id);
          await unsubscribeSubscriber(queued[1]!.id);
          await suppressEmail({ email: queued[2]!.email, reason: 'complaint', detail: 'test' });
        }
        return inner.send(mail);
      },
    };
    expect(await run(send.id, sink.url, { pool, connections: 2 })).toEqual({ next: 'done' });
    await sink.close();
    expect(gone).toHaveLength(3);
    for (const email of gone) expect(sink.counts().has(email), email).toBe(false);
    expect(sink.counts().size).toBe(27);
    const skipped = (await deliveriesOf(send.id)).filter((row) => row.status === 'skipped');
    expect(skipped.map((row) => row.email).sort()).toEqual([...gone].sort());
    expect(skipped.filter((row) => row.response?.includes('unsubscribed'))).toHaveLength(2);
  });

  it('holds a per-second limit across the send, counted where messages are claimed', async () => {
    const sink = await startSink();
    const people = await seedSubscribers(15);
    const send = await seedSend(people);
    expect(await run(send.id, sink.url, { limits: { perSecond: 5, perHour: 0, perDay: 0 } })).toEqual({ next: 'done' });
    await sink.close();
    expect(sink.counts().size).toBe(15);
    const claims = (await deliveriesOf(send.id)).map((row) => row.claimedAt!.getTime());
    // No second-long window holds more than five claims.
    for (const start of claims) expect(claims.filter((at) => at >= start && at < start + 1000).length).toBeLessThanOrEqual(5);
    // Three batches a second apart: the last message arrives about two seconds after the first.
    const arrivals = sink.messages.map((message) => message.at);
    expect(Math.max(...arrivals) - Math.min(...arrivals)).toBeGreaterThan(1_800);
  });

  it('waits visibly when the hourly limit is reached, and leaves the rest queued', async () => {
    const sink = await startSink();
    const people = await seedSubscribers(15);
    const send = await seedSend(people);
    // Every send counts against the limit: allow ten more than the last hour already took.
    const [taken] = await getDb().execute<{ count: number }>(sql`select count(*)::int as count from newsletter_deliveries where claimed_at > now() - interval '1 hour'`);
    const result = await run(send.id, sink.url, { limits: { perSecond: 0, perHour: taken!.count + 10, perDay: 0 } });
    await sink.close();
    expect(result.next).toBe('later');
    const counts = await deliveryCounts(send.id);
    expect(counts.sent).toBeLessThanOrEqual(10);
    expect((counts.sent ?? 0) + (counts.queued ?? 0)).toBe(15);
    expect(sink.messages.length).toBe(counts.sent);
    const [after] = await getDb().select().from(newsletterSends).where(eq(newsletterSends.id, send.id));
    expect(after!.status).toBe('waiting');
    expect(after!.statusReason).toMatch(/^Hourly limit of \d+ messages reached; continues at .+\.$/);
    expect(after!.resumeAt!.getTime()).toBeGreaterThan(Date.now());
    expect(after!.resumeAt!.getTime()).toBeLessThanOrEqual(Date.now() + 3600_000);
    if (result.next === 'later') expect(result.at).toEqual(after!.resumeAt);
  });
});
