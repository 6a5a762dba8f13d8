import { type Browser, expect, type Page, test } from '@playwright/test';

import { toLocalDateTime } from '../lib/dates/local-time';
import { articles, site } from './helpers/content';
import { storageState } from './helpers/newsroom';

// The front page as an editor runs it: chosen lead and featured stories, previewed, put live and on
// the readers' home page at once, with and without JavaScript. Other specs compare the home page
// with content/, so the layout is left automatic at the end.

test.use({ storageState: storageState('editor') });
// One layout for the whole site: these tests take turns.
test.describe.configure({ mode: 'serial' });

const FRONT_PAGE = '/editor/front-page';
// Stories content/ does not feature, so only a choice can put them at the top.
const [lead, featured, other] = articles.filter((article) => !article.featured);

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
  test('an editor chooses a lead and a pinned featured story, previews them, puts them live: the home page shows them at once', async ({ page, browser }) => {
    const before = await readerHome(browser);
    expect(before.headings).not.toContain(lead!.title);
    await before.context.close();

    await page.goto(FRONT_PAGE);
    await position(page, 'Lead story').getByLabel('Story').selectOption(lead!.slug);
    await position(page, 'Featured story 1').getByLabel('Story').selectOption(featured!.slug);
    const until = toLocalDateTime(new Date(Date.now() + 2 * 60 * 60 * 1000), site.timeZone);
    await position(page, 'Featured story 1')
      .getByLabel(/^Pinned until/)
      .fill(until);
    await page.getByRole('button', { name: 'Preview' }).click();

    await expect(page).toHaveURL(/\/editor\/front-page\/preview\?/);
    await expect(topStories(page).getByRole('heading', { level: 2 }).first()).toHaveText(lead!.title);
    await expect(topStories(page).getByRole('heading', { level: 2 }).nth(1)).toHaveText(featured!.title);
    // Nothing is live yet.
    const previewed = await readerHome(browser);
    expect(previewed.headings).not.toContain(lead!.title);
    await previewed.context.close();

    await putLive(page, 'The front page is live with 2 chosen stories.');
    const after = await readerHome(browser);
    expect(after.headings.slice(0, 2)).toEqual([lead!.title, featured!.title]);
    await expect(after.page.getByRole('region', { name: 'Latest' }).getByRole('link', { name: lead!.title })).toHaveCount(0);
    await after.context.close();

    await page.goto(FRONT_PAGE);
    const table = page.getByRole('table');
    await expect(table.getByRole('row', { name: /Lead story/ })).toContainText('stays until changed');
    await expect(table.getByRole('row', { name: /Featured story 1/ })).toContainText('pinned until');
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
    for (const path of [FRONT_PAGE, `${FRONT_PAGE}/preview?slot0=${lead!.slug}`]) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your role does not include this page');
    }
    await context.close();
  });
});
