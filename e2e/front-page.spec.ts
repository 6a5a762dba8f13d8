import { randomUUID } from 'node:crypto';

import { type Browser, expect, type Page, test } from '@playwright/test';

import { toLocalDateTime } from '../lib/dates/local-time';
import { articles, site } from './helpers/content';
import { database } from './helpers/database';
import { type SeededDraft, seedImage, seedReadyDraft } from './helpers/drafts';
import { storageState } from './helpers/newsroom';
import { formWith, unpublishedAfterEach } from './helpers/publishing';

// The front page as an editor runs it: chosen lead and featured stories, previewed, put live and on
// the readers' home page at once, with and without JavaScript. Other specs compare the home page
// with content/, so the layout is left automatic at the end.

test.use({ storageState: storageState('editor') });
// One layout for the whole site: these tests take turns.
test.describe.configure({ mode: 'serial' });

const FRONT_PAGE = '/editor/front-page';
// Stories content/ does not feature, so only a choice can put them at the top.
const [featured, other] = articles.filter((article) => !article.featured);

const published = unpublishedAfterEach();
const unique = randomUUID().slice(0, 8);
const NEWS = { name: 'News', slug: `news-${unique}` };

/**
 * The issue's story: filed under a "News" section made in the newsroom and bylined to a partner
 * outlet that has no account. Seeded, except the section (made and retired in the newsroom, so
 * every page that lists sections follows) and the publication.
 */
async function partnerStory(page: Page): Promise<SeededDraft> {
  await page.goto('/editor/sections');
  const add = formWith(page, 'Add section');
  await add.getByLabel('Name').fill(NEWS.name);
  await add.getByLabel('Address').fill(NEWS.slug);
  await add.getByLabel('Description').fill('News from the town and partner outlets.');
  await add.getByRole('button', { name: 'Add section', exact: true }).click();
  await expect(add.getByRole('status')).toContainText(`/category/${NEWS.slug}`);
  const draft = await seedReadyDraft({ category: NEWS.slug });
  const sql = database();
  const [editor] = await sql<{ created_by: string }[]>`select created_by from drafts where id = ${draft.id}`;
  const picture = await seedImage(editor!.created_by);
  const [partner] = await sql<{ id: string }[]>`insert into author_profiles (slug, name, kind, bio, picture_image_id, picture_alt)
    values (${`the-new-region-${unique}`}, 'The New Region', 'partner', 'A regional news partner covering the valley towns.', ${picture}, 'The New Region’s logo') returning id`;
  await sql`update drafts set author_ids = ${[partner!.id]}::uuid[] where id = ${draft.id}`;
  await sql`update draft_revisions set content = jsonb_set(content, '{authorIds}', ${sql.json([partner!.id])}) where draft_id = ${draft.id}`;
  await page.goto(`/editor/drafts/${draft.id}/publish`);
  const publish = formWith(page, 'Publish now');
  await publish.getByRole('button', { name: 'Publish now', exact: true }).click();
  await expect(publish.getByRole('status')).toContainText(/Published/, { timeout: 20_000 });
  published.push(draft.id);
  return draft;
}

const position = (page: Page, name: string) => page.getByRole('group', { name });
const topStories = (page: Page) => page.getByRole('region', { name: 'Top stories' });

async function readerHome(browser: Browser) {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  return { context, page, headings: await topStories(page).getByRole('heading', { level: 2 }).allTextContents() };
}

async function putLive(page: Page, message: RegExp | string) {
  await page.getByRole('button', { name: 'Put live' }).click();
  await expect(page.getByRole('status').filter({ hasText: message })).toBeVisible({ timeout: 20_000 });
}

test.afterAll(async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageState('editor'), javaScriptEnabled: false });
  const page = await context.newPage();
  // Retired with JavaScript (without it, the answer goes with the section's form), its story moved to Council.
  const desk = await browser.newContext({ storageState: storageState('editor') });
  const sections = await desk.newPage();
  await sections.goto('/editor/sections');
  const retire = formWith(sections, `Retire ${NEWS.name}`);
  if ((await retire.count()) > 0) {
    const into = retire.getByLabel(/^Move its/);
    if ((await into.count()) > 0) await into.selectOption({ label: 'Council' });
    await retire.getByRole('button', { name: `Retire ${NEWS.name}`, exact: true }).click();
    await expect(sections.getByRole('status').filter({ hasText: `Section ${NEWS.name} retired.` })).toBeVisible();
  }
  await desk.close();
  await page.goto(FRONT_PAGE);
  for (const name of ['Lead story', 'Featured story 1', 'Featured story 2', 'Featured story 3']) {
    await position(page, name).getByLabel('Story').selectOption('');
    await position(page, name)
      .getByLabel(/^Pinned until/)
      .fill('');
  }
  await putLive(page, 'The front page is automatic again');
  await context.close();
});

test.describe('the front page', () => {
  test('an editor puts a partner’s story as the lead and a pinned featured story live, past a colleague’s save: the home page shows them at once', async ({ page, browser }) => {
    const lead = await partnerStory(page);
    const before = await readerHome(browser);
    expect(before.headings).not.toContain(lead.title);
    await before.context.close();

    await page.goto(FRONT_PAGE);
    await position(page, 'Lead story').getByLabel('Story').selectOption(lead.slug);
    await position(page, 'Featured story 1').getByLabel('Story').selectOption(featured!.slug);
    const until = toLocalDateTime(new Date(Date.now() + 2 * 60 * 60 * 1000), site.timeZone);
    await position(page, 'Featured story 1')
      .getByLabel(/^Pinned until/)
      .fill(until);
    await page.getByRole('button', { name: 'Preview' }).click();

    await expect(page).toHaveURL(/\/editor\/front-page\/preview\?/);
    await expect(topStories(page).getByRole('heading', { level: 2 }).first()).toHaveText(lead.title);
    await expect(topStories(page).getByRole('heading', { level: 2 }).nth(1)).toHaveText(featured!.title);
    // Nothing is live yet.
    const previewed = await readerHome(browser);
    expect(previewed.headings).not.toContain(lead.title);
    await previewed.context.close();

    await putLive(page, 'The front page is live with 2 chosen stories.');
    const after = await readerHome(browser);
    expect(after.headings.slice(0, 2)).toEqual([lead.title, featured!.title]);
    await expect(after.page.getByRole('region', { name: 'Latest' }).getByRole('link', { name: lead.title })).toHaveCount(0);
    await after.context.close();

    await page.goto(FRONT_PAGE);
    const table = page.getByRole('table').first();
    await expect(table.getByRole('row', { name: /Lead story/ })).toContainText('stays until changed');
    await expect(table.getByRole('row', { name: /Featured story 1/ })).toContainText('pinned until');

    // A colleague saves behind this form's back: "Put live" is refused and shows their layout; the
    // form keeps this editor's choices, and pressing again puts them live.
    await database()`update front_page_slots set article_slug = ${other!.slug}, set_at = now() where position = 0`;
    await page.getByRole('button', { name: 'Put live' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'after you opened this form' })).toBeVisible({ timeout: 20_000 });
    await expect(table.getByRole('row', { name: /Lead story/ })).toContainText(other!.title);
    await expect(position(page, 'Lead story').getByLabel('Story')).toHaveValue(lead.slug);
    await putLive(page, 'The front page is live with 2 chosen stories.');

    const home = await readerHome(browser);
    expect(home.headings[0]).toBe(lead.title);
    await home.page.goto(`/articles/${lead.slug}`);
    await expect(home.page.locator('.byline')).toHaveText('By The New Region');
    await expect(home.page.locator('.author-card')).toContainText('Partner');
    await home.context.close();
  });

  test('without JavaScript the same form puts a layout live, and refuses a story chosen twice', async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageState('editor'), javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(FRONT_PAGE);
    await position(page, 'Lead story').getByLabel('Story').selectOption(other!.slug);
    await position(page, 'Featured story 2').getByLabel('Story').selectOption(other!.slug);
    await page.getByRole('button', { name: 'Put live' }).click();
    await expect(position(page, 'Featured story 2')).toContainText('is already the lead story');

    await position(page, 'Featured story 2').getByLabel('Story').selectOption('');
    await putLive(page, 'The front page is live with 2 chosen stories.');
    const home = await readerHome(browser);
    expect(home.headings.slice(0, 2)).toEqual([other!.title, featured!.title]);
    await Promise.all([home.context.close(), context.close()]);
  });

  test('contributors are refused the front page and its preview', async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageState('contributor') });
    const page = await context.newPage();
    for (const path of [FRONT_PAGE, `${FRONT_PAGE}/preview?slot0=${other!.slug}`]) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your role does not include this page');
    }
    await context.close();
  });
});
