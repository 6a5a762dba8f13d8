import { randomUUID } from 'node:crypto';

import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';

import { closeDb, getDb } from '@/db';
import { deleteStaleRateLimits, deleteUnconfirmedSubscribers, deleteUnusedImages } from '@/db/queries/cleanup';
import { authorProfiles, confirmationTokens, draftRevisions, drafts, images, rateLimits, subscribers } from '@/db/schema';
import { mediaIdFromSrc, mediaSrc } from '@/lib/content/media';
import { runCleanup } from '@/lib/maintenance/cleanup';

import { seedDraft } from './helpers/drafts';

afterAll(closeDb);

const DAY = 86_400;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY * 1000);

async function image(createdAt: Date) {
  const [row] = await getDb()
    .insert(images)
    .values({ sha256: randomUUID(), contentType: 'image/png', width: 400, height: 300, byteSize: 4, data: Buffer.from('test'), createdAt })
    .returning({ id: images.id });
  return row!.id;
}
const remaining = async (ids: string[]) => (await getDb().select({ id: images.id }).from(images).where(inArray(images.id, ids))).map((row) => row.id).sort();

describe('the clean-up', () => {
  it('removes rate-limit counters whose window is long over, in bounded batches, and keeps current ones', async () => {
    const tag = randomUUID();
    const stale = Array.from({ length: 5 }, (_, i) => ({ key: `test:${tag}:old-${i}`, windowStart: daysAgo(2), count: 3 }));
    await getDb()
      .insert(rateLimits)
      .values([...stale, { key: `test:${tag}:current`, windowStart: new Date(Date.now() - 3_600_000), count: 3 }]);
    expect(await deleteStaleRateLimits(DAY, 3)).toBe(3);
    await runCleanup();
    const left = await getDb()
      .select({ key: rateLimits.key })
      .from(rateLimits)
      .where(sql`${rateLimits.key} like ${`test:${tag}:%`}`);
    expect(left.map((row) => row.key)).toEqual([`test:${tag}:current`]);
  });

  it('removes sign-ups never confirmed a week after their link expired, and nobody else', async () => {
    const make = async (name: string, values: Partial<typeof subscribers.$inferInsert>, tokenExpiredDaysAgo?: number) => {
      const [row] = await getDb()
        .insert(subscribers)
        .values({ email: `${name}-${randomUUID()}@readers.example`, createdAt: daysAgo(12), ...values })
        .returning();
      if (tokenExpiredDaysAgo !== undefined) {
        await getDb()
          .insert(confirmationTokens)
          .values({ tokenHash: randomUUID(), subscriberId: row!.id, expiresAt: daysAgo(tokenExpiredDaysAgo) });
      }
      return row!.id;
    };
    const gone = await make('expired-long-ago', {}, 10);
    const kept = [
      await make('expired-yesterday', {}, 1), // still in the grace period
      await make('signed-up-again', {}, -1), // a new link, not yet expired
      await make('new', { createdAt: new Date() }),
      await make('confirmed', { status: 'confirmed', confirmedAt: daysAgo(11) }, 10),
      await make('came-back', { confirmedAt: daysAgo(11) }, 10), // confirmed once, unsubscribed, signed up again
    ];
    await deleteUnconfirmedSubscribers(2 * DAY + 7 * DAY, 7 * DAY, 500);
    const left = await getDb()
      .select({ id: subscribers.id })
      .from(subscribers)
      .where(inArray(subscribers.id, [gone, ...kept]));
    expect(left.map((row) => row.id).sort()).toEqual([...kept].sort());
  });

  it('removes uploads nobody uses after a week, never one a draft, any revision, an article or a profile uses', async () => {
    const unused = await image(daysAgo(8));
    const fresh = await image(new Date());
    const draft = await seedDraft();
    const published = await seedDraft();
    const [inBody, inOldHero, onProfile] = [await image(daysAgo(8)), await image(daysAgo(8)), await image(daysAgo(8))];
    // Version 1 had another hero; version 2 (the draft now) shows a picture in its body.
    const [first] = await getDb().select().from(draftRevisions).where(eq(draftRevisions.draftId, draft.id));
    await getDb()
      .update(draftRevisions)
      .set({ content: { ...first!.content, heroImageId: inOldHero } })
      .where(eq(draftRevisions.id, first!.id));
    await getDb()
      .insert(draftRevisions)
      .values({
        draftId: draft.id,
        version: 2,
        content: { ...first!.content, body: `Text\n\n<Figure src="/media/${inBody}" alt="The weir in flood" />` },
        summary: 'Saved',
        savedBy: draft.writerId,
      });
    await getDb().update(drafts).set({ version: 2 }).where(eq(drafts.id, draft.id));
    await getDb().update(authorProfiles).set({ pictureImageId: onProfile }).where(eq(authorProfiles.userId, draft.writerId));
    // A published article's hero, and the draft hero, both older than the grace period.
    const [publishedRevision] = await getDb().select().from(draftRevisions).where(eq(draftRevisions.draftId, published.id));
    await getDb()
      .update(drafts)
      .set({ publishedRevisionId: publishedRevision!.id, heroImageId: null, publishedAt: new Date(), status: 'published' })
      .where(eq(drafts.id, published.id));
    await getDb()
      .update(images)
      .set({ createdAt: daysAgo(30) })
      .where(inArray(images.id, [draft.heroImageId!, published.heroImageId!]));

    const used = [inBody, inOldHero, onProfile, draft.heroImageId!, published.heroImageId!];
    await runCleanup();
    expect(await remaining([unused, fresh, ...used])).toEqual([fresh, ...used].sort());
  });

  it('deletes unused uploads in batches of the size asked', async () => {
    const old = await Promise.all(Array.from({ length: 4 }, () => image(daysAgo(400))));
    expect(await deleteUnusedImages(7 * DAY, 3)).toBe(3);
    expect((await remaining(old)).length).toBe(1);
  });
});

describe('what the clean-up counts as used', () => {
  it('finds every picture address the app writes into a body (the SQL copy of lib/content/media.ts)', async () => {
    const [hero, inBody, inline] = [randomUUID(), randomUUID(), randomUUID()];
    const body = `Text\n\n<Figure src="${mediaSrc(inBody)}" alt="A" />\n\n![B](${mediaSrc(inline)})`;
    const [row] = await getDb().execute<{ ids: string[] }>(sql`select draft_image_ids(${JSON.stringify({ heroImageId: hero, body })}::jsonb) as ids`);
    expect([...(row?.ids ?? [])].sort()).toEqual([hero, inBody, inline].sort());
    expect(mediaIdFromSrc(mediaSrc(inBody))).toBe(inBody);
  });
});
