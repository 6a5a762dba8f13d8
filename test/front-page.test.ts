import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';

import { openOwnDatabase } from './helpers/own-database';

// The layout is one per site, and no other file's workers may take its expiry jobs: a database and
// a queue schema of this file's own. The clock is the `now` every front-page function takes.
process.env.JOB_QUEUE_SCHEMA = 'pgboss_front_page';
const database = await openOwnDatabase();
const { closeDb, getDb } = await import('@/db');
const { users } = await import('@/db/schema');
const { homePage, readArticlesNow } = await import('@/lib/content');
const { toLocalDateTime } = await import('@/lib/dates/local-time');
const { getChosenSlots } = await import('@/lib/front-page/live');
const { frontPageOverview } = await import('@/lib/front-page/overview');
const { frontPageFormSchema } = await import('@/lib/front-page/schema');
const { checkLayout, saveFrontPage } = await import('@/lib/front-page/service');
const { frontPageExpiryWorker, frontPageQueue } = await import('@/lib/jobs/front-page');
const { publishDraft, unpublishDraft } = await import('@/db/queries/publishing');
const { searchEntryFor, seedDraft } = await import('./helpers/drafts');
const { stopQueue } = await import('@/lib/jobs/queue');

afterAll(async () => {
  await stopQueue(2_000);
  await closeDb();
  await database.drop();
});

const site = { timeZone: 'Europe/London', locale: 'en-GB' };
const [editor] = await getDb().insert(users).values({ email: 'front-editor@newsroom.example', name: 'Fran Editor', role: 'editor', passwordHash: 'x' }).returning({ id: users.id });
const MINUTE = 60_000;
const at = (base: Date, minutes: number) => new Date(base.getTime() + minutes * MINUTE);
// Whole minutes: the form gives a pin to the minute.
const start = new Date(Math.ceil(Date.now() / MINUTE) * MINUTE + 10 * MINUTE);
const articles = await readArticlesNow();
// content/'s sample: the newest featured story (the automatic lead) and two stories that are not featured.
const [autoLead, autoSecond] = articles.filter((article) => article.featured);
const [plainA, plainB] = articles.filter((article) => !article.featured);

const form = (fields: Record<string, string>) => frontPageFormSchema.parse(fields);
const pin = (now: Date, minutes: number) => toLocalDateTime(at(now, minutes), site.timeZone);
const version = async () => (await frontPageOverview(articles, site.timeZone, new Date())).version?.toISOString() ?? '';
const save = async (fields: Record<string, string>, now: Date, list = articles) => saveFrontPage(form(fields), editor!, list, site, now, frontPageQueue);
const shown = async (now: Date, list = articles) => {
  const home = homePage(list, await getChosenSlots(now))!;
  return { lead: home.lead?.slug, featured: home.featured.map((article) => article.slug), latest: home.latest.items.map((article) => article.slug) };
};

describe('the front page’s layout', () => {
  it('refuses, with a clear message per field, a story not published, one chosen twice and a pin not ahead or too long', () => {
    const refused = checkLayout(
      form({
        slot0: plainA!.slug,
        slot1: 'no-such-story',
        until1: pin(start, 30 * 24 * 60 + 1),
        slot2: plainA!.slug,
        until2: pin(start, 0),
        slot3: '',
        until3: pin(start, 60),
        until0: 'tomorrow',
      }),
      articles,
      site,
      start,
    );
    expect(refused).toMatchObject({
      ok: false,
      fieldErrors: {
        slot1: [expect.stringContaining('not a published article')],
        until1: [expect.stringContaining('at most 30 days')],
        slot2: [expect.stringContaining('is already the lead story')],
        until2: [expect.stringContaining('at least a minute from now')],
        until3: [expect.stringContaining('choose a story to pin')],
        until0: [expect.stringContaining('as a date and time')],
      },
    });
    // Thirty days to the minute is still a pin.
    expect(checkLayout(form({ slot0: plainA!.slug, until0: pin(start, 30 * 24 * 60) }), articles, site, start)).toMatchObject({ ok: true });
    expect(frontPageFormSchema.safeParse({ slot0: '../etc', basedOn: 'yesterday' }).success).toBe(false);
  });

  it('shows the chosen stories first, fills the other positions automatically, each story once, and ends a pin by itself', async () => {
    expect(await shown(start)).toMatchObject({ lead: autoLead!.slug });
    // The automatic lead is chosen as the second featured story: the lead moves on, never twice.
    const saved = await save({ slot0: plainA!.slug, until0: pin(start, 30), slot2: autoLead!.slug, basedOn: await version() }, start);
    expect(saved).toMatchObject({ ok: true, message: 'The front page is live with 2 chosen stories.' });
    const pinned = await shown(at(start, 1));
    expect(pinned.lead).toBe(plainA!.slug);
    expect(pinned.featured.slice(0, 2)).toEqual([autoSecond!.slug, autoLead!.slug]);
    const all = [pinned.lead, ...pinned.featured, ...pinned.latest];
    expect(new Set(all).size).toBe(all.length);
    // At its time the pin is over, whatever the cache holds; the story chosen without a pin stays.
    expect((await shown(at(start, 29.99))).lead).toBe(plainA!.slug);
    const after = await shown(at(start, 30));
    expect(after.lead).toBe(autoSecond!.slug);
    expect(after.featured[1]).toBe(autoLead!.slug);
    // A job wakes every server at the pin's end: its handler expires the home pages, which then render without the pin.
    const jobs = await getDb().execute<{ id: string; data: { until: string } }>(sql`select id, data from pgboss_front_page.job where name = 'front-page-expiry'`);
    const job = jobs.find((queued) => new Date(queued.data.until).getTime() === at(start, 30).getTime());
    expect(job).toBeDefined();
    const expired: string[][] = [];
    const handled = await frontPageExpiryWorker(async (tags) => void expired.push(tags))({
      id: job!.id,
      data: job!.data,
      retryCount: 0,
      retryLimit: 3,
      signal: new AbortController().signal,
    });
    expect(handled).toEqual({ expired: job!.data.until });
    expect(expired).toEqual([['home']]);
    expect(await getChosenSlots(at(start, 30))).not.toContain(plainA!.slug);
  });

  it('drops an unpublished story from the layout, so publishing it again does not bring it back', async () => {
    const draft = await seedDraft();
    await publishDraft(draft.id, 1, await searchEntryFor(draft.id));
    const withDraft = await readArticlesNow();
    expect(await save({ slot1: draft.slug, basedOn: await version() }, at(start, 40), withDraft)).toMatchObject({ ok: true });
    expect((await shown(at(start, 41), withDraft)).featured[0]).toBe(draft.slug);
    await unpublishDraft(draft.id, 60);
    const now = await shown(at(start, 41), await readArticlesNow());
    expect(now.featured).not.toContain(draft.slug);
    expect(now).toMatchObject({ lead: autoLead!.slug });
    const overview = await frontPageOverview(await readArticlesNow(), site.timeZone, at(start, 41));
    expect(overview.positions[1]).toMatchObject({ state: 'automatic', row: undefined });
    await publishDraft(draft.id, 1, await searchEntryFor(draft.id));
    expect(await getChosenSlots(at(start, 42))).not.toContain(draft.slug);
  });

  it('refuses a save made from an older version instead of undoing a colleague’s', async () => {
    const basedOn = await version();
    expect(await save({ slot0: plainB!.slug, basedOn }, at(start, 50))).toMatchObject({ ok: true });
    const stale = await save({ slot0: plainA!.slug, basedOn }, at(start, 51));
    expect(stale).toMatchObject({ ok: false, error: expect.stringContaining('Fran Editor changed the front page') });
    expect((await shown(at(start, 52))).lead).toBe(plainB!.slug);
    // Back to automatic everywhere, from the version now.
    expect(await save({ basedOn: await version() }, at(start, 53))).toMatchObject({ ok: true, message: expect.stringContaining('automatic again') });
    expect(await shown(at(start, 54))).toMatchObject({ lead: autoLead!.slug });
  });
});
