import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';

import { closeDb, getDb } from '@/db';
import { CANCELLED_REASON } from '@/db/queries/newsletter-deliveries';
import { countNotReached } from '@/db/queries/newsletter-reports';
import { publishDraft } from '@/db/queries/publishing';
import { newsletterDeliveries, newsletterSends } from '@/db/schema';
import { cancelSend, continueSend, retryFailed } from '@/lib/newsletter/sends';
import { unpublish } from '@/lib/publishing/service';

import { searchEntryFor } from './helpers/drafts';
import { deliveriesOf, deliveryCounts, seedSend, seedSubscribers } from './helpers/newsletter-send';

// The remedies go on only where a new send could start: a published article, from its latest
// send, with none other going out; and unpublishing stops the article's send.

afterAll(closeDb);

const publish = async (draftId: string) => publishDraft(draftId, 1, await searchEntryFor(draftId));
const sendRow = async (id: string) => (await getDb().select().from(newsletterSends).where(eq(newsletterSends.id, id)))[0]!;

/** A published article's send of `count` readers, finished with the first `failed` of them failed and the rest sent. */
async function finishedSend(count: number, failed: number) {
  const people = await seedSubscribers(count);
  const send = await seedSend(people);
  await publish(send.draftId);
  await getDb().update(newsletterDeliveries).set({ status: 'sent' }).where(eq(newsletterDeliveries.sendId, send.id));
  const failing = people.slice(0, failed).map((person) => person.id);
  await getDb()
    .update(newsletterDeliveries)
    .set({ status: 'failed', attempts: 8 })
    .where(and(eq(newsletterDeliveries.sendId, send.id), inArray(newsletterDeliveries.subscriberId, failing)));
  await getDb().update(newsletterSends).set({ status: 'done', finishedAt: new Date() }).where(eq(newsletterSends.id, send.id));
  return send;
}

/** Another send of the same article, as a resend leaves it. */
async function laterSend(of: { draftId: string; createdBy: string }, sequence: number, status: 'sending' | 'done') {
  const [row] = await getDb()
    .insert(newsletterSends)
    .values({ draftId: of.draftId, createdBy: of.createdBy, sequence, status, subject: 'Again', html: '<p>Hi</p>', text: 'Hi' })
    .returning();
  return row!;
}

describe('the remedies of a send', () => {
  it('are refused once the article is unpublished, and leave its rows as they were', async () => {
    const send = await finishedSend(3, 1);
    expect(await unpublish(send.draftId)).toMatchObject({ ok: true, stoppedSends: 0 });
    expect(await retryFailed(send.id)).toEqual({ ok: false, error: expect.stringContaining('no longer published') });
    expect(await deliveryCounts(send.id)).toEqual({ sent: 2, failed: 1 });
    expect((await sendRow(send.id)).status).toBe('done');
  });

  it('are refused on an older send once the article was emailed again, so the later send’s readers get no second copy', async () => {
    const send = await finishedSend(3, 1);
    await laterSend(send, 2, 'done');
    expect(await retryFailed(send.id)).toEqual({ ok: false, error: expect.stringContaining('emailed again after this send') });
    expect(await deliveryCounts(send.id)).toEqual({ sent: 2, failed: 1 });

    const cancelled = await finishedSend(3, 0);
    await getDb().update(newsletterSends).set({ status: 'sending' }).where(eq(newsletterSends.id, cancelled.id));
    await getDb().update(newsletterDeliveries).set({ status: 'queued' }).where(eq(newsletterDeliveries.sendId, cancelled.id));
    expect(await cancelSend(cancelled.id)).toMatchObject({ ok: true });
    await laterSend(cancelled, 2, 'sending');
    expect(await continueSend(cancelled.id)).toEqual({ ok: false, error: expect.stringContaining('emailed again after this send') });
    expect(await deliveryCounts(cancelled.id)).toEqual({ skipped: 3 });
  });

  it('are refused while another send of the article is still going out', async () => {
    const send = await finishedSend(2, 1);
    // An older send left live (from before resends were guarded): the latest may not go on beside it.
    await getDb().update(newsletterSends).set({ sequence: 2 }).where(eq(newsletterSends.id, send.id));
    await laterSend(send, 1, 'sending');
    expect(await retryFailed(send.id)).toEqual({ ok: false, error: expect.stringContaining('Another send of this article is still going out') });
    expect(await deliveryCounts(send.id)).toEqual({ sent: 1, failed: 1 });
  });
});

describe('unpublishing an article', () => {
  it('cancels its send still going out, and the send can go on if it is published again', async () => {
    const people = await seedSubscribers(4);
    const send = await seedSend(people);
    await publish(send.draftId);
    await getDb().execute(sql`update newsletter_deliveries set status = 'sent' where send_id = ${send.id} and subscriber_id = ${people[0]!.id}`);

    expect(await unpublish(send.draftId)).toMatchObject({ ok: true, stoppedSends: 1 });
    expect(await sendRow(send.id)).toMatchObject({ status: 'cancelled', statusReason: 'The article was unpublished.' });
    const rows = await deliveriesOf(send.id);
    expect(rows.filter((row) => row.status === 'skipped').map((row) => row.response)).toEqual([CANCELLED_REASON, CANCELLED_REASON, CANCELLED_REASON]);
    expect(await countNotReached(send.id)).toBe(3);
    expect(await continueSend(send.id)).toEqual({ ok: false, error: expect.stringContaining('no longer published') });

    await publish(send.draftId);
    expect(await continueSend(send.id)).toEqual({ ok: true, sendId: send.id, message: 'Continuing: 3 messages to go.' });
    // Its job is on the shared queue: cancelled again, so a worker of another test file that takes it sends nothing.
    expect(await cancelSend(send.id)).toMatchObject({ ok: true });
  });
});
