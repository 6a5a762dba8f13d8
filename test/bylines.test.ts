import { randomUUID } from 'node:crypto';

import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, describe, expect, it } from 'vitest';

import { AuthorCard } from '@/components/author-card';
import { Byline } from '@/components/byline';
import { closeDb } from '@/db';
import { getAuthorProfilesByIds } from '@/db/queries/author-profiles';
import { publishDraft } from '@/db/queries/publishing';
import { createUser } from '@/db/queries/users';
import { tagsForProfileEdit } from '@/lib/cache/changes';
import type { Author } from '@/lib/content';
import { addressExists } from '@/lib/content/addresses';
import { bylineOf } from '@/lib/content/byline';
import { draftToArticle } from '@/lib/content/draft-article';
import { loadContent } from '@/lib/content/load';
import { getNewsroomAuthor } from '@/lib/content/newsroom-authors';
import { missingFromProfile } from '@/lib/content/profile-author';
import { checkDraft } from '@/lib/drafts/check';
import { draftFieldsSchema } from '@/lib/drafts/schema';
import { newsArticleJsonLd } from '@/lib/seo/json-ld';

import { searchEntryFor, seedDraft, seedProfile } from './helpers/drafts';

afterAll(closeDb);

const person = async (role: 'contributor' | 'editor') => (await createUser({ email: `${role}-${randomUUID()}@newsroom.example`, name: `A ${role}`, role, passwordHash: 'x' }))!;

const fields = (authorIds: unknown) =>
  draftFieldsSchema.safeParse({
    title: 'A title',
    slug: '',
    standfirst: '',
    category: '',
    tags: '',
    authorIds,
    credit: ' With agencies ',
    heroImageId: '',
    heroAlt: '',
    heroCredit: '',
    body: 'Text',
  });

describe('a byline', () => {
  it('refuses duplicates, more than six authors and what is not an id; keeps the credit line', () => {
    const id = randomUUID();
    expect(fields([id, id]).error?.issues[0]?.message).toBe('An author can be on the byline only once.');
    expect(fields(Array.from({ length: 7 }, () => randomUUID())).error?.issues[0]?.message).toBe('A byline can have at most 6 authors.');
    expect(fields(['not-an-id']).success).toBe(false);
    expect(fields([id]).data).toMatchObject({ authorIds: [id], credit: 'With agencies' });
  });

  it('refuses an unknown profile, and lets a contributor write only under their own name first', async () => {
    const [writer, editor] = [await person('contributor'), await person('editor')];
    const [own, colleague] = [await seedProfile({ userId: writer.id }), await seedProfile()];
    const check = (authorIds: string[], user = writer) => checkDraft(fields(authorIds).data!, user);
    expect(await check([own.id, randomUUID()])).toMatchObject({ ok: false, fieldErrors: { authorIds: [expect.stringMatching(/no longer exists/)] } });
    expect(await check([colleague.id, own.id])).toMatchObject({ ok: false, fieldErrors: { authorIds: [expect.stringMatching(/put “.+” first/)] } });
    // Their own name first, a co-author after it; an editor may put anyone anywhere. The order is kept.
    expect(await check([own.id, colleague.id])).toMatchObject({ ok: true, content: { authorIds: [own.id, colleague.id] } });
    expect(await check([colleague.id, own.id], editor)).toMatchObject({ ok: true, content: { authorIds: [colleague.id, own.id] } });
    expect((await getAuthorProfilesByIds([colleague.id, own.id])).map((profile) => profile.id)).toEqual([colleague.id, own.id]);
  });

  it('shows its authors in order, a partner as an Organization and a reporter as a Person in the JSON-LD', async () => {
    const partner = await seedProfile({ name: 'The New Region', kind: 'partner' });
    const draft = await seedDraft({ credit: 'With agencies' });
    const content = { ...draft, authorIds: [partner.id, ...draft.authorIds] };
    const category = { slug: 'business', name: 'Business', description: 'Shops and employers.' };
    const result = await draftToArticle({ id: draft.id, content, publishedAt: new Date() }, [category]);
    if (!result.ok) throw new Error(result.problems.join(' '));
    const { article } = result;
    expect(article.authors.map((author) => [author.name, author.role])).toEqual([
      ['The New Region', 'Partner'],
      [draft.authorName, 'Reporter'],
    ]);
    expect(bylineOf(article)).toBe(`The New Region and ${draft.authorName}`);
    expect(article.credit).toBe('With agencies');
    const { site } = await loadContent();
    expect(newsArticleJsonLd(article, site).author).toEqual([
      { '@type': 'Organization', name: 'The New Region', url: `${site.url}/authors/${partner.slug}` },
      { '@type': 'Person', name: draft.authorName, url: `${site.url}/authors/${draft.authorSlug}` },
    ]);
    expect(bylineOf({ authors: [...article.authors, { ...article.authors[0]!, name: 'C' }] })).toBe(`The New Region, ${draft.authorName} and C`);
    // The site's name follows staff only: never "By The New Region, The Millbrook Ledger".
    const shown = (authors: Author[]) => renderToStaticMarkup(createElement(Byline, { article: { authors, credit: '' }, site })).replace(/<[^>]+>/g, '');
    expect(shown(article.authors)).toBe(`By The New Region and ${draft.authorName}`);
    expect(shown(article.authors.slice(1))).toBe(`By ${draft.authorName}, ${site.name}`);
    expect(renderToStaticMarkup(createElement(AuthorCard, { author: article.authors[0]! }))).toContain('<p class="author-card__role">Partner</p>');
  });

  it('gives a complete newsroom profile an author page before its first article, and an incomplete one none', async () => {
    const [complete, bare] = [await seedProfile(), await seedProfile({ bio: 'Too short.' })];
    expect(await addressExists(`/authors/${complete.slug}`)).toBe(true);
    expect(await getNewsroomAuthor(complete.slug!)).toMatchObject({ name: complete.name, kind: 'staff', role: 'Reporter' });
    expect(await addressExists(`/authors/${bare.slug}`)).toBe(false);
    expect(await getNewsroomAuthor(bare.slug!)).toBeNull();
    // Blank alt text is no alt text, for the page and for the byline alike.
    const blankAlt = await seedProfile({ pictureAlt: '  ' });
    expect(missingFromProfile(blankAlt)).toEqual(['a picture with alt text']);
    expect(await addressExists(`/authors/${blankAlt.slug}`)).toBe(false);
  });

  it('refreshes the section and tag pages of a profile’s published articles when it changes', async () => {
    const draft = await seedDraft({ category: 'council', tags: ['ferry'] });
    await publishDraft(draft.id, 1, await searchEntryFor(draft.id));
    const tags = await tagsForProfileEdit(draft.authorIds[0]!, 'old-address', draft.authorSlug);
    expect(tags).toEqual(expect.arrayContaining(['category:council', 'tag:ferry', 'author:old-address', `author:${draft.authorSlug}`, 'home']));
  });
});
