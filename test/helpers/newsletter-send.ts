import { randomUUID } from 'node:crypto';

import { eq, sql } from 'drizzle-orm';

import { getDb } from '@/db';
import { newsletterDeliveries, newsletterSends, subscribers } from '@/db/schema';
import { UNSUBSCRIBE_PLACEHOLDER } from '@/lib/newsletter/delivery/message';

import { seedDraft } from './drafts';

/** Confirmed subscribers at addresses of their own (`<tag>-<n>@<tag>.example`). */
export async function seedSubscribers(count: number, tag = randomUUID().slice(0, 8)) {
  const rows = Array.from({ length: count }, (_, index) => ({ email: `${tag}-${index}@${tag}.example`, status: 'confirmed' as const, confirmedAt: new Date() }));
  return getDb().insert(subscribers).values(rows).returning({ id: subscribers.id, email: subscribers.email });
}

/**
 * A send to exactly these subscribers, as startSend leaves it (queued deliveries), with a small
 * email: other test files add confirmed subscribers to the same database, which a real start would include.
 */
export async function seedSend(recipients: { id: string; email: string }[]) {
  const draft = await seedDraft();
  const [send] = await getDb()
    .insert(newsletterSends)
    .values({
      draftId: draft.id,
      subject: `Test send ${draft.slug}`,
      html: `<p>Hello.</p><p><a href="${UNSUBSCRIBE_PLACEHOLDER}">Unsubscribe</a></p>`,
      text: `Hello.\n\nUnsubscribe: ${UNSUBSCRIBE_PLACEHOLDER}\n`,
      createdBy: draft.writerId,
      recipients: recipients.length,
    })
    .returning();
  if (recipients.length > 0) {
    await getDb()
      .insert(newsletterDeliveries)
      .values(recipients.map((recipient) => ({ sendId: send!.id, subscriberId: recipient.id, email: recipient.email })));
  }
  return send!;
}

export async function deliveryCounts(sendId: string) {
  const rows = await getDb()
    .select({ status: newsletterDeliveries.status, count: sql<number>`count(*)::int` })
    .from(newsletterDeliveries)
    .where(eq(newsletterDeliveries.sendId, sendId))
    .groupBy(newsletterDeliveries.status);
  return Object.fromEntries(rows.map((row) => [row.status, row.count])) as Partial<Record<string, number>>;
}

export async function deliveriesOf(sendId: string) {
  return getDb().select().from(newsletterDeliveries).where(eq(newsletterDeliveries.sendId, sendId));
}
