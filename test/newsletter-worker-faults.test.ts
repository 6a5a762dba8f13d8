import { randomUUID } from 'node:crypto';

import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';

import { closeDb, getDb } from '@/db';
import { moveSend } from '@/db/queries/newsletter-sends';
import { newsletterSends } from '@/db/schema';
import { getSite } from '@/lib/content';
import { openMailPool } from '@/lib/mail/transport';
import { personalise } from '@/lib/newsletter/delivery/message';
import { deliverSend } from '@/lib/newsletter/delivery/worker';
import { cancelSend, pauseSend } from '@/lib/newsletter/sends';

import { beforeAnyMessage, watched } from './helpers/mail-pool';
import { deliveriesOf, deliveryCounts, seedSend, seedSubscribers } from './helpers/newsletter-send';
import { startSink } from './helpers/smtp-sink';

afterAll(closeDb);

const NO_LIMITS = { perSecond: 0, perHour: 0, perDay: 0 };

describe('a database error after the mail server accepted', () => {
  it('is no SMTP failure: the row stays sending for its lease, the run stops, the rest go back uncharged', async () => {
    const sink = await startSink();
    const people = await seedSubscribers(20);
    const send = await seedSend(people);
    const victim = people[0]!.id;
    // A real failure of the database: marking this row sent raises an error, every time.
    const name = `fail_${randomUUID().replaceAll('-', '')}`;
    await getDb().execute(
      sql.raw(`create function ${name}() returns trigger language plpgsql as $$ begin
        if new.status = 'sent' and new.subscriber_id = '${victim}' then raise exception 'could not extend file: No space left on device'; end if;
        return new; end $$;
        create trigger ${name} before update on newsletter_deliveries for each row execute function ${name}();`),
    );
    const pool = openMailPool(sink.url, 2);
    try {
      const error = (await deliverSend(send.id, { pool, connections: 2, limits: NO_LIMITS }).catch((caught: unknown) => caught)) as Error;
      expect(String((error.cause as Error | undefined)?.message)).toMatch(/No space left/);
    } finally {
      pool.close();
      await getDb().execute(sql.raw(`drop trigger ${name} on newsletter_deliveries; drop function ${name}();`));
    }
    await sink.close();
    expect(sink.counts().get(people[0]!.email)).toBe(1);
    const rows = await deliveriesOf(send.id);
    expect(rows.find((row) => row.subscriberId === victim)).toMatchObject({ status: 'sending', attempts: 1 });
    // Nothing else is left claimed: what was not handed over waits in the queue, uncharged.
    const others = rows.filter((row) => row.subscriberId !== victim);
    expect(others.every((row) => row.status === 'sent' || (row.status === 'queued' && row.attempts === 0 && row.claimedAt === null))).toBe(true);
    expect(others.filter((row) => row.status === 'queued').length).toBeGreaterThan(0);
  });
  it('is tried again: a hiccup of the database loses nothing', async () => {
    const sink = await startSink();
    const people = await seedSubscribers(3);
    const send = await seedSend(people);
    const name = `hiccup_${randomUUID().replaceAll('-', '')}`;
    // Marking the first reader sent fails twice, then works.
    await getDb().execute(
      sql.raw(`create sequence ${name}_n; create function ${name}() returns trigger language plpgsql as $$ begin
        if new.status = 'sent' and new.subscriber_id = '${people[0]!.id}' and nextval('${name}_n') <= 2 then raise exception 'connection reset'; end if;
        return new; end $$;
        create trigger ${name} before update on newsletter_deliveries for each row execute function ${name}();`),
    );
    const pool = openMailPool(sink.url, 1);
    try {
      expect(await deliverSend(send.id, { pool, connections: 1, limits: NO_LIMITS })).toEqual({ next: 'done' });
    } finally {
      pool.close();
      await getDb().execute(sql.raw(`drop trigger ${name} on newsletter_deliveries; drop function ${name}(); drop sequence ${name}_n;`));
    }
    await sink.close();
    expect(await deliveryCounts(send.id)).toEqual({ sent: 3 });
    expect(sink.messages).toHaveLength(3);
  });
});

describe('stopping mid-batch', () => {
  it('on the server’s stop signal, finishes what is in flight and gives the rest back', async () => {
    const sink = await startSink();
    const send = await seedSend(await seedSubscribers(40));
    const stop = new AbortController();
    const pool = watched(openMailPool(sink.url, 1), (handed) => void (handed === 3 && stop.abort()));
    const result = await deliverSend(send.id, { pool, connections: 1, limits: NO_LIMITS, signal: stop.signal });
    pool.close();
    await sink.close();
    expect(result.next).toBe('later');
    expect(sink.messages).toHaveLength(3);
    expect(await deliveryCounts(send.id)).toEqual({ sent: 3, queued: 37 });
    expect((await deliveriesOf(send.id)).filter((row) => row.status === 'queued').every((row) => row.attempts === 0)).toBe(true);
  });

  it('a cancel stops the lanes within a few messages; the rows they held are skipped, not queued', async () => {
    const sink = await startSink();
    const send = await seedSend(await seedSubscribers(60));
    // Five lanes claim twenty at once; the cancel comes as the first message goes out, and no message
    // reaches the server before it is committed (on a busy machine the other lanes would outrun it).
    const pool = watched(
      openMailPool(sink.url, 5),
      beforeAnyMessage(() => cancelSend(send.id)),
    );
    expect(await deliverSend(send.id, { pool, connections: 5, limits: NO_LIMITS })).toEqual({ next: 'done' });
    pool.close();
    await sink.close();
    const counts = await deliveryCounts(send.id);
    // At most the five in flight and the five before the next look at the status.
    expect(counts.sent).toBeLessThanOrEqual(10);
    expect((counts.sent ?? 0) + (counts.skipped ?? 0)).toBe(60);
    expect(sink.messages).toHaveLength(counts.sent!);
  });

  it('a pause gives the rows in hand back to the queue', async () => {
    const sink = await startSink();
    const send = await seedSend(await seedSubscribers(40));
    const pool = watched(
      openMailPool(sink.url, 5),
      beforeAnyMessage(() => pauseSend(send.id)),
    );
    expect(await deliverSend(send.id, { pool, connections: 5, limits: NO_LIMITS })).toEqual({ next: 'done' });
    pool.close();
    await sink.close();
    const counts = await deliveryCounts(send.id);
    expect(counts.sent).toBeLessThanOrEqual(10);
    expect((counts.sent ?? 0) + (counts.queued ?? 0)).toBe(40);
  });
});

describe('a slow mail server and the lease', () => {
  it('settles every row before its lease ends, however long the server takes', async () => {
    const sink = await startSink({ delayMs: 4_000 });
    const send = await seedSend(await seedSubscribers(2));
    const pool = openMailPool(sink.url, 2);
    await deliverSend(send.id, { pool, connections: 2, limits: NO_LIMITS, leaseSeconds: 3 });
    pool.close();
    await sink.close();
    for (const row of await deliveriesOf(send.id)) {
      expect(row.status).toBe('queued');
      expect(row.response).toMatch(/No answer from the mail server within 1 s/);
      expect(row.updatedAt.getTime() - row.claimedAt!.getTime()).toBeLessThan(3_000);
    }
  });
});

describe('a message past its deadline', () => {
  it('holds up nothing behind it: every other message the server received is marked sent', async () => {
    const people = await seedSubscribers(6);
    // The first reader's message takes the server 2.5 s; its deadline is a third of the 3 s lease.
    const sink = await startSink({ slow: { to: [people[0]!.email], ms: 2_500 } });
    const send = await seedSend(people);
    await getDb().execute(sql`update newsletter_deliveries set next_attempt_at = now() - interval '1 minute' where send_id = ${send.id} and subscriber_id = ${people[0]!.id}`);
    const pool = openMailPool(sink.url, 1);
    expect((await deliverSend(send.id, { pool, connections: 1, limits: NO_LIMITS, leaseSeconds: 3 })).next).toBe('later');
    pool.close();
    // The slow message lands after its deadline (the window the README names).
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await sink.close();
    const rows = await deliveriesOf(send.id);
    expect(rows.find((row) => row.subscriberId === people[0]!.id)).toMatchObject({ status: 'queued', attempts: 1 });
    for (const person of people.slice(1)) {
      expect(sink.counts().get(person.email) ?? 0, person.email).toBe(1);
      expect(rows.find((row) => row.subscriberId === person.id)?.status, person.email).toBe('sent');
    }
  });
});

describe('the List-Id header', () => {
  it('is plain ASCII even when the site’s name is not (RFC 2047)', async () => {
    const site = { ...(await getSite()), name: 'Le Quotidien — Éditions “Spéciales”' };
    const mail = personalise({ id: randomUUID(), subject: 's', html: '', text: '' }, { subscriberId: randomUUID(), email: 'a@b.example' }, site);
    const listId = mail.headers['List-Id'] as { value: string };
    expect(listId.value).toMatch(/^[\x20-\x7e]+$/);
    const words = listId.value.match(/=\?UTF-8\?B\?([A-Za-z0-9+/=]+)\?=/g)!;
    const decoded = Buffer.concat(words.map((word) => Buffer.from(word.slice(10, -2), 'base64'))).toString('utf8');
    expect(decoded).toBe(site.name);
    expect(listId.value).toMatch(/ <newsletter\.[^>]+>$/);
  });
});

describe('an editor’s pause, resume or cancel', () => {
  it('ends the mail server’s hold, so a resumed send is not shown as refused for long', async () => {
    const send = await seedSend(await seedSubscribers(1));
    const held = { status: 'waiting' as const, heldSince: new Date(Date.now() - 3_600_000), heldCode: '550 5.7.1', resumeAt: new Date(Date.now() + 60_000) };
    await getDb().update(newsletterSends).set(held).where(eq(newsletterSends.id, send.id));
    await pauseSend(send.id);
    const row = async () => (await getDb().select().from(newsletterSends).where(eq(newsletterSends.id, send.id)))[0];
    expect(await row()).toMatchObject({ status: 'paused', heldSince: null, heldCode: null });
    await getDb().update(newsletterSends).set(held).where(eq(newsletterSends.id, send.id));
    // What resumeSend does before it queues a run (queueing here would reach another file's worker).
    await moveSend(send.id, ['paused', 'waiting'], 'sending', null);
    expect(await row()).toMatchObject({ status: 'sending', heldSince: null, heldCode: null });
  });

  it('is finished by cancelling; its row has no hold left', async () => {
    const send = await seedSend(await seedSubscribers(1));
    await getDb().update(newsletterSends).set({ heldSince: new Date() }).where(eq(newsletterSends.id, send.id));
    await cancelSend(send.id);
    expect((await getDb().select().from(newsletterSends).where(eq(newsletterSends.id, send.id)))[0]).toMatchObject({ status: 'cancelled', heldSince: null });
  });
});
