import { randomUUID } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { closeDb } from '@/db';
import { getDraft } from '@/db/queries/drafts';
import { createUser, type PublicUser } from '@/db/queries/users';
import { addressExists } from '@/lib/content/addresses';
import { createDraftFor } from '@/lib/drafts/service';
import { SLUG_MAX_LENGTH } from '@/lib/drafts/slug';
import { viewerOf } from '@/lib/drafts/viewer';
import { isSlug } from '@/lib/validation';

afterAll(closeDb);

let writer: PublicUser;
beforeAll(async () => {
  writer = (await createUser({ email: `long-${randomUUID()}@newsroom.example`, name: 'Writer', role: 'contributor', passwordHash: 'x' }))!;
});

describe('addresses made from long titles', () => {
  it('stay within the limit the draft form accepts when they need a number', async () => {
    // Transliteration lengthens titles (ß → ss): this one is well past the limit once made an address.
    const title = `Straße ${randomUUID().slice(0, 8)} ${'Großbaustelle am Hafen '.repeat(5)}`;
    const slugs: string[] = [];
    for (let n = 0; n < 3; n++) {
      const created = await createDraftFor(writer, { title, slug: '' });
      if (!created.ok) throw new Error(created.error);
      slugs.push((await getDraft(viewerOf(writer), created.id))!.slug);
    }
    expect(new Set(slugs).size).toBe(3);
    for (const slug of slugs) {
      expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
      expect(isSlug(slug)).toBe(true);
    }
    expect(slugs[1]).toMatch(/-2$/);
    expect(slugs[2]).toMatch(/-3$/);
  });
});

describe('a section’s feeds', () => {
  it('exist exactly when the section’s page does, so an unknown one gets the static 404 before it renders', async () => {
    for (const feed of ['feed.xml', 'atom.xml', 'feed.json']) {
      expect(await addressExists(`/category/council/${feed}`)).toBe(true);
      expect(await addressExists(`/category/no-such-${randomUUID().slice(0, 8)}/${feed}`)).toBe(false);
    }
    expect(await addressExists('/category/council/feed.txt')).toBe(null);
  });
});
