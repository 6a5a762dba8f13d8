import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';

import { closeDb, getDb } from '@/db';
import { publishDraft } from '@/db/queries/publishing';
import { unsubscribeSubscriber } from '@/db/queries/subscribers';
import { newsletterDeliveries, newsletterSends } from '@/db/schema';
import { openMailPool } from '@/lib/mail/transport';
import { deliverSend } from '@/lib/newsletter/delivery/worker';
import { cancelSend, continueSend, retryFailed, startSend } from '@/lib/newsletter/sends';

import { searchEntryFor, seedDraft } from './helpers/drafts';
import { beforeAnyMessage, watched } from './helpers/mail-pool';
import { deliveriesOf, deliveryCounts, seedSend, seedSubscribers } from './helpers/newsletter-send';
import { startSink } from './helpers/smtp-sink';

afterAll(closeDb);

const NO_LIMITS = { perSecond: 0, perHour: 0, perDay: 0 };
// Retry and continue go on only for a published article (see newsletter-remedy-guards.test.ts).
const publishedSend = async (people: { id: string; email: string }[]) => {
  const send = await seedSend(people);
  await publishDraft(send.draftId, 1, await searchEntryFor(send.draftId));
  return send;
};
const statusOf = async (id: string) => (await getDb().select().from(newsletterSends).where(eq(newsletterSends.id, id)))[0]!.status;

async function run(sendId: string, url: string) {
  const pool = openMailPool(url, 2);
  try {
    return await deliverSend(sendId, { pool, connections: 2, limits: NO_LIMITS });
  } finally {
    pool.close();
  }
}

describe('sending an article again', () => {
  it('goes out only when the editor saw the latest send and none is still going out', async () => {
    const draft = await seedDraft();
    await publishDraft(draft.id, 1, await searchEntryFor(draft.id));
    const by = draft.writerId;
    // Someone to send to, or the first send would be done at once.
    await seedSubscribers(1);
    const first = await startSend({ draftId: draft.id, by, again: false });
    expect(first.ok).toBe(true);
    if (!first.ok) return;

    // The first send is still sending: no resend, whatever the form says.
    expect(await startSend({ draftId: draft.id, by, again: true, seenSequence: 1 })).toEqual({ ok: false, error: expect.stringContaining('still going out') });
    await getDb().update(newsletterSends).set({ status: 'done' }).where(eq(newsletterSends.id, first.sendId));

    // Without what the page showed, or with an older count, nothing is sent.
    expect(await startSend({ draftId: draft.id, by, again: true })).toEqual({ ok: false, error: expect.stringContaining('emailed again since') });
    expect(await startSend({ draftId: draft.id, by, again: true, seenSequence: 0 })).toEqual({ ok: false, error: expect.stringContaining('emailed again since') });

    // Two presses of "Send again" from the same page: one send.
    const [a, b] = await Promise.all([startSend({ draftId: draft.id, by, again: true, seenSequence: 1 }), startSend({ draftId: draft.id, by, again: true, seenSequence: 1 })]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    // Its job is on the shared queue: cancelled, so a worker of another test file that takes it sends nothing.
    for (const made of [a, b]) if (made.ok) await cancelSend(made.sendId);
    const [count] = await getDb().execute<{ n: number }>(sql`select count(*)::int as n from newsletter_sends where draft_id = ${draft.id}`);
    expect(count!.n).toBe(2);
  });
});

describe('retrying the failed messages of a finished send', () => {
  it('queues only the failed rows, from their first attempt, and delivers them', async () => {
    const people = await seedSubscribers(5);
    const send = await publishedSend(people);
    const sink = await startSink();
    const [failed, bounced, skipped] = people.map((person) => person.id);
    const set = (id: string, status: 'failed' | 'bounced' | 'skipped') =>
      getDb()
        .update(newsletterDeliveries)
        .set({ status, attempts: 8, response: 'earlier' })
        .where(sql`${newsletterDeliveries.sendId} = ${send.id} and ${newsletterDeliveries.subscriberId} = ${id}`);
    await set(failed!, 'failed');
    await set(bounced!, 'bounced');
    await set(skipped!, 'skipped');
    expect(await retryFailed(send.id)).toEqual({ ok: false, error: 'This send is already sending.' });
    expect(await run(send.id, sink.url)).toEqual({ next: 'done' });
    expect(sink.messages).toHaveLength(2);

    expect(await retryFailed(send.id)).toEqual({ ok: true, sendId: send.id, message: 'Trying 1 failed message again.' });
    expect(await statusOf(send.id)).toBe('sending');
    expect((await deliveriesOf(send.id)).find((row) => row.subscriberId === failed)).toMatchObject({ status: 'queued', attempts: 0 });
    expect(await run(send.id, sink.url)).toEqual({ next: 'done' });
    await sink.close();
    expect(sink.messages.map((message) => message.to)).toContain(people[0]!.email);
    expect(sink.messages).toHaveLength(3);
    expect(await deliveryCounts(send.id)).toEqual({ sent: 3, bounced: 1, skipped: 1 });
    expect(await retryFailed(send.id)).toEqual({ ok: false, error: expect.stringContaining('nothing to try again') });
  });
});

describe('continuing a cancelled send', () => {
  it('sends to those the cancel skipped, minus readers who left since, and never twice to anyone', async () => {
    const people = await seedSubscribers(8);
    const send = await publishedSend(people);
    const sink = await startSink();
    // Three went out before the cancel.
    await getDb().execute(
      sql`update newsletter_deliveries set status = 'sent' where send_id = ${send.id} and subscriber_id in (${sql.join(
        people.slice(0, 3).map((person) => sql`${person.id}`),
        sql`, `,
      )})`,
    );
    expect(await continueSend(send.id)).toEqual({ ok: false, error: 'This send is already sending.' });
    expect(await cancelSend(send.id)).toMatchObject({ ok: true });
    await unsubscribeSubscriber(people[7]!.id);

    expect(await continueSend(send.id)).toEqual({ ok: true, sendId: send.id, message: 'Continuing: 5 messages to go.' });
    expect(await run(send.id, sink.url)).toEqual({ next: 'done' });
    await sink.close();
    expect(sink.messages.map((message) => message.to).sort()).toEqual(
      people
        .slice(3, 7)
        .map((person) => person.email)
        .sort(),
    );
    expect(await deliveryCounts(send.id)).toEqual({ sent: 7, skipped: 1 });
    expect((await deliveriesOf(send.id)).find((row) => row.subscriberId === people[7]!.id)!.response).toContain('unsubscribed');
    expect(await continueSend(send.id)).toEqual({ ok: false, error: 'This send has finished.' });
  });

  it('a row a worker releases after the cancel is skipped, not left queued', async () => {
    const send = await seedSend(await seedSubscribers(12));
    // A slow server and a short lease: the worker gives back the rows of its batch (4) it had no time
    // for. Each message takes a second; none starts after 3 s (half the lease), and each may take 2 s
    // (a third), so a busy machine never turns the first into a timeout.
    const sink = await startSink({ delayMs: 1_000 });
    const pool = watched(
      openMailPool(sink.url, 1),
      beforeAnyMessage(() => cancelSend(send.id)),
    );
    await deliverSend(send.id, { pool, connections: 1, limits: NO_LIMITS, leaseSeconds: 6 });
    pool.close();
    await sink.close();
    const counts = await deliveryCounts(send.id);
    expect(counts.sent ?? 0).toBeLessThan(4);
    expect(counts.queued).toBeUndefined();
    expect(counts.sending).toBeUndefined();
    expect((counts.sent ?? 0) + (counts.skipped ?? 0)).toBe(12);
  });
});
