import { randomUUID } from 'node:crypto';

import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';

import { openOwnDatabase } from './helpers/own-database';

// Sections are global to a database: every other file's pages would list these, so this file has its own.
const database = await openOwnDatabase();
const { closeDb, getDb } = await import('@/db');
const { searchDocuments, siteSettings } = await import('@/db/schema');
const { saveSiteSettings } = await import('@/db/queries/site-settings');
const { findSection } = await import('@/db/queries/sections');
const { getDraftForPublishing, publishDraft } = await import('@/db/queries/publishing');
const { getCategories, getRetiredCategoryTarget } = await import('@/lib/content');
const { addressExists } = await import('@/lib/content/addresses');
const { readPublishedArticles } = await import('@/lib/content/published');
const { readNewsroomSections } = await import('@/lib/content/sections');
const { addSectionSchema } = await import('@/lib/sections/schema');
const { resolveSection } = await import('@/lib/sections/resolve');
const service = await import('@/lib/sections/service');
const { searchEntryFor, seedAuthor, seedDraft } = await import('./helpers/drafts');

afterAll(async () => {
  await closeDb();
  await database.drop();
});

const unique = () => randomUUID().slice(0, 8);

async function add(name: string, slug = '') {
  const by = (await seedAuthor()).id;
  const result = await service.addSection({ name, slug, description: `Stories about ${name}, every day.` }, by);
  return { result, by };
}

async function seen(slug: string) {
  return (await findSection(slug))!.updatedAt;
}

async function published(category: string) {
  const draft = await seedDraft({ category });
  await publishDraft(draft.id, 1, await searchEntryFor(draft.id));
  return draft;
}

async function indexedSection(draftId: string) {
  const [row] = await getDb()
    .select({ section: searchDocuments.section })
    .from(searchDocuments)
    .where(eq(searchDocuments.id, `draft/${draftId}`));
  return row?.section;
}

async function shownUnder(slug: string) {
  const { moved } = await readNewsroomSections();
  return (await readPublishedArticles(await getCategories(), moved)).find((article) => article.slug === slug)?.category.slug;
}

describe('adding a section', () => {
  it('makes the address from the name and lists it after the file sections, as readers see them', async () => {
    const name = `News ${unique()}`;
    const { result } = await add(name);
    expect(result).toMatchObject({ ok: true, tags: expect.arrayContaining(['sections']) });
    const categories = await getCategories();
    const slug = name.toLowerCase().replace(' ', '-');
    expect(categories.at(-1)).toEqual({ slug, name, description: `Stories about ${name}, every day.` });
    expect(categories[0]?.slug).toBe('council');
    expect(await addressExists(`/category/${slug}`)).toBe(true);
    expect(await addressExists(`/category/${slug}/feed.xml`)).toBe(true);
  });

  it('refuses a file section’s address, one already used, and one a retired section keeps', async () => {
    expect(await add('Town council', 'council')).toMatchObject({ result: { ok: false, error: expect.stringContaining('content/categories.json') } });
    const slug = `desk-${unique()}`;
    expect((await add('Desk', slug)).result.ok).toBe(true);
    expect(await add('Another desk', slug)).toMatchObject({ result: { ok: false, error: expect.stringContaining('already used') } });
    const { by } = await add('Desk');
    expect(await service.retireSection({ slug, seen: await seen(slug), target: '' }, by)).toMatchObject({ ok: true });
    expect(await add('Desk again', slug)).toMatchObject({ result: { ok: false, error: expect.stringContaining('retired') } });
  });

  it('refuses an empty name and a description too short, before anything is written', () => {
    const parsed = addSectionSchema.safeParse({ name: ' ', slug: '', description: 'short' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path[0]).sort()).toEqual(['description', 'name']);
    expect(addSectionSchema.safeParse({ name: 'News', slug: 'Not A Slug', description: 'Long enough description.' }).success).toBe(false);
  });
});

describe('renaming and ordering', () => {
  it('renames and re-describes, keeping the address; a change made meanwhile is refused', async () => {
    const slug = `weather-${unique()}`;
    const { by } = await add('Weather', slug);
    const before = await seen(slug);
    expect(await service.editSection({ slug, name: 'Weather and climate', description: 'Forecasts and the changing climate.', seen: before }, by)).toMatchObject({
      ok: true,
      tags: expect.arrayContaining(['sections', `category:${slug}`]),
    });
    expect(await getCategories()).toContainEqual({ slug, name: 'Weather and climate', description: 'Forecasts and the changing climate.' });
    expect(await service.editSection({ slug, name: 'Weather', description: 'An older form, sent late.', seen: before }, by)).toMatchObject({
      ok: false,
      error: expect.stringContaining('Someone changed this section'),
    });
    expect(await service.editSection({ slug: 'council', name: 'Council', description: 'A file section, renamed here.', seen: before }, by)).toMatchObject({
      ok: false,
      error: expect.stringContaining('git'),
    });
  });

  it('moves a newsroom section up and down among the newsroom’s, and says when it is already at an end', async () => {
    const [a, b] = [`first-${unique()}`, `second-${unique()}`];
    const { by } = await add('First', a);
    await add('Second', b);
    const order = async () => (await getCategories()).map((category) => category.slug).filter((slug) => slug === a || slug === b);
    expect(await order()).toEqual([a, b]);
    expect(await service.moveSection({ slug: b, direction: 'up' }, by)).toMatchObject({ ok: true });
    expect(await order()).toEqual([b, a]);
    expect(await service.moveSection({ slug: a, direction: 'down' }, by)).toMatchObject({ ok: false, error: expect.stringContaining('last') });
    expect(await service.moveSection({ slug: a, direction: 'up' }, by)).toMatchObject({ ok: true });
    expect(await order()).toEqual([a, b]);
  });

  it('leaves the neighbour as it was, so a rename form open for it still saves', async () => {
    const [a, b] = [`upper-${unique()}`, `lower-${unique()}`];
    const { by } = await add('Upper', a);
    await add('Lower', b);
    const before = await seen(b);
    expect(await service.moveSection({ slug: a, direction: 'down' }, by)).toMatchObject({ ok: true });
    expect(await seen(b)).toEqual(before);
    expect(await service.editSection({ slug: b, name: 'Lower desk', description: 'Stories about the lower desk.', seen: before }, by)).toMatchObject({ ok: true });
  });
});

describe('retiring a section', () => {
  it('retires one without articles without asking; its address then leads nowhere', async () => {
    const slug = `empty-${unique()}`;
    const { by } = await add('Empty', slug);
    expect(await service.retireSection({ slug, seen: await seen(slug), target: '' }, by)).toMatchObject({ ok: true });
    expect((await getCategories()).some((category) => category.slug === slug)).toBe(false);
    expect(await getRetiredCategoryTarget(slug)).toBeUndefined();
    expect(await addressExists(`/category/${slug}`)).toBe(false);
    expect(await addressExists(`/category/${slug}/atom.xml`)).toBe(false);
  });

  it('asks where the articles go, moves working copies in a new revision and files published revisions there through moved_to', async () => {
    const [from, into] = [`partners-${unique()}`, `regional-${unique()}`];
    const { by } = await add('Partners', from);
    await add('Regional', into);
    const draft = await seedDraft({ category: from });
    const live = await published(from);
    expect(await shownUnder(live.slug)).toBe(from);

    expect(await service.retireSection({ slug: from, seen: await seen(from), target: '' }, by)).toMatchObject({
      ok: false,
      error: expect.stringContaining('still has 2 articles'),
    });
    expect(await service.retireSection({ slug: from, seen: await seen(from), target: from }, by)).toMatchObject({ ok: false, error: expect.stringContaining('into itself') });
    expect(await service.retireSection({ slug: from, seen: await seen(from), target: into }, by)).toMatchObject({
      ok: true,
      tags: expect.arrayContaining(['sections', `category:${from}`, `category:${into}`]),
    });

    const moved = await getDraftForPublishing(draft.id);
    expect(moved).toMatchObject({ version: 2, current: { category: into } });
    const stillPublished = await getDraftForPublishing(live.id);
    expect(stillPublished?.published?.category).toBe(from);
    expect(stillPublished?.current?.category).toBe(into);
    expect(await shownUnder(live.slug)).toBe(into);
    expect(await indexedSection(live.id)).toBe(into);
    expect((await getRetiredCategoryTarget(from))?.slug).toBe(into);
    expect(await addressExists(`/category/${from}`)).toBe(true);
  });

  it('follows a chain of retirements, and counts the articles it brings', async () => {
    const [a, b, c] = [`a-${unique()}`, `b-${unique()}`, `c-${unique()}`];
    const { by } = await add('Alpha', a);
    await add('Beta', b);
    await add('Gamma', c);
    const live = await published(a);
    expect(await service.retireSection({ slug: a, seen: await seen(a), target: b }, by)).toMatchObject({ ok: true });
    const overview = await service.sectionsOverview();
    expect(overview.live.find((section) => section.slug === b)?.articles).toBe(1);
    // B now holds A's published article (its revision still says A): retiring B asks too.
    expect(await service.retireSection({ slug: b, seen: await seen(b), target: '' }, by)).toMatchObject({ ok: false, error: expect.stringContaining('still has 1 article') });
    expect(await service.retireSection({ slug: b, seen: await seen(b), target: 'sport' }, by)).toMatchObject({ ok: true });
    expect(await shownUnder(live.slug)).toBe('sport');
    expect((await getRetiredCategoryTarget(a))?.slug).toBe('sport');
    expect((await service.sectionsOverview()).retired).toEqual(expect.arrayContaining([{ slug: a, name: 'Alpha', movedTo: 'sport' }]));
  });

  it('refuses a target that is not a live section, and a retired section retired again', async () => {
    const [from, gone] = [`from-${unique()}`, `gone-${unique()}`];
    const { by } = await add('From', from);
    await add('Gone', gone);
    await published(from);
    await service.retireSection({ slug: gone, seen: await seen(gone), target: '' }, by);
    expect(await service.retireSection({ slug: from, seen: await seen(from), target: gone }, by)).toMatchObject({ ok: false, error: expect.stringContaining('no longer exists') });
    expect(await service.retireSection({ slug: gone, seen: await seen(gone), target: 'sport' }, by)).toMatchObject({ ok: false, error: expect.stringContaining('retired') });
  });
});

describe('resolving a retired section', () => {
  it('follows chains and stops at a cycle instead of looping', () => {
    expect(resolveSection({ a: 'b', b: 'c' }, 'a')).toBe('c');
    expect(resolveSection({ a: 'b' }, 'x')).toBe('x');
    expect(['a', 'b']).toContain(resolveSection({ a: 'b', b: 'a' }, 'a'));
  });
});

describe('a section in the site’s navigation', () => {
  it('is marked on the sections page, so whoever retires it knows a link leads there', async () => {
    const [linked, unlinked] = [`linked-${unique()}`, `unlinked-${unique()}`];
    const { by } = await add('Linked', linked);
    await add('Unlinked', unlinked);
    expect(await saveSiteSettings({ navigation: [{ label: 'Linked', href: `/category/${linked}/` }] }, 0, by)).toBe(1);
    try {
      const { live } = await service.sectionsOverview();
      expect(live.find((section) => section.slug === linked)).toMatchObject({ inNavigation: true });
      expect(live.find((section) => section.slug === unlinked)).toMatchObject({ inNavigation: false });
    } finally {
      await getDb().delete(siteSettings);
    }
  });
});
