import { randomUUID } from 'node:crypto';

import { getDb } from '@/db';
import { getDraftForPublishing } from '@/db/queries/publishing';
import { createUser } from '@/db/queries/users';
import { authorProfiles, type DraftContent, draftRevisions, drafts, images } from '@/db/schema';
import { checkReadiness } from '@/lib/publishing/service';

async function image(uploadedBy: string | null) {
  const [row] = await getDb()
    .insert(images)
    .values({ sha256: randomUUID(), contentType: 'image/png', width: 1200, height: 800, byteSize: 4, data: Buffer.from('test'), uploadedBy })
    .returning({ id: images.id });
  return row!.id;
}

/** A complete author profile (as draftToArticle requires), linked to `userId` when given. */
export async function seedProfile(fields: Partial<typeof authorProfiles.$inferInsert> = {}) {
  const unique = randomUUID().slice(0, 8);
  const [profile] = await getDb()
    .insert(authorProfiles)
    .values({
      slug: `author-${unique}`,
      name: `Author ${unique}`,
      bio: 'Writes about the harbour and the town council.',
      pictureImageId: await image(null),
      pictureAlt: 'Portrait',
      ...fields,
    })
    .returning();
  return profile!;
}

/** An editor's account with a public profile linked to it: `id` is the account's, `profileId` the profile's. */
export async function seedAuthor() {
  const unique = randomUUID().slice(0, 8);
  const user = (await createUser({ email: `author-${unique}@newsroom.example`, name: `Author ${unique}`, role: 'editor', passwordHash: 'x' }))!;
  const profile = await seedProfile({ slug: `author-${unique}`, name: user.name, userId: user.id });
  return { id: user.id, profileId: profile.id, slug: profile.slug!, name: user.name };
}

/** A ready draft at version 1, with its revision, as the drafts editor would have saved it. */
export async function seedDraft(overrides: Partial<DraftContent> = {}) {
  const author = await seedAuthor();
  const unique = randomUUID().slice(0, 8);
  const content: DraftContent = {
    title: `Story ${unique}`,
    slug: `story-${unique}`,
    standfirst: 'A standfirst that is long enough to publish.',
    category: 'business',
    tags: ['harbour'],
    authorIds: [author.profileId],
    credit: '',
    heroImageId: await image(author.id),
    heroAlt: 'A harbour at dawn',
    heroCredit: '',
    body: 'Some **text**.',
    featured: false,
    ...overrides,
  };
  const id = randomUUID();
  await getDb().transaction(async (tx) => {
    const { slug, title, standfirst, category, tags, authorIds, credit, heroImageId, heroAlt, heroCredit, body, featured } = content;
    await tx
      .insert(drafts)
      .values({ id, slug, title, standfirst, category, tags, authorIds, credit, heroImageId, heroAlt, heroCredit, body, featured, createdBy: author.id, updatedBy: author.id });
    await tx.insert(draftRevisions).values({ draftId: id, version: 1, content, summary: 'Saved', savedBy: author.id });
  });
  // writerId: the account that created it (and whose profile is on the byline).
  return { id, ...content, writerId: author.id, authorSlug: author.slug, authorName: author.name };
}

/** The row of the search index publishing the draft's current version writes, as the service makes it. */
export async function searchEntryFor(draftId: string) {
  const readiness = await checkReadiness((await getDraftForPublishing(draftId))!);
  if (!readiness.ok) throw new Error(`The seeded draft is not ready: ${readiness.problems.join(' ')}`);
  return readiness.search;
}
