import { type Browser, expect, type Page, test } from '@playwright/test';

import { expectNoAxeViolations } from './helpers/axe';
import { firstArticle } from './helpers/content';
import { database } from './helpers/database';
import { storageState } from './helpers/newsroom';

// The breaking-news banner as an editor posts it and readers get it: on every reader page, with and
// without JavaScript, on the very next request after posting or taking it down, and gone by itself
// when it expires. Other specs compare pages with content/, so no banner is left up at the end.

test.use({ storageState: storageState('editor') });
// One banner (or one settings row) for the whole site: these tests take turns.
test.describe.configure({ mode: 'serial' });

const FRONT_PAGE = '/editor/front-page';
const article = firstArticle();
// The static 404 page too: prerendered, it carries the banner's tag like every other page.
const READER_PAGES = ['/', '/no-such-page-anywhere', `/articles/${article.slug}`, `/category/${article.category.slug}`];

async function readerPage(browser: Browser, javaScriptEnabled = true) {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, javaScriptEnabled });
  return { context, page: await context.newPage() };
}

const bannerOf = (page: Page) => page.getByRole('region', { name: 'Breaking news' });

async function post(page: Page, text: string, href = '') {
  await page.goto(FRONT_PAGE);
  await page.getByLabel('Text').fill(text);
  await page.getByLabel('Link (optional)').fill(href);
  await page.getByRole('button', { name: /^Post banner/ }).click();
  await expect(page.locator('form', { has: page.getByLabel('Text') }).getByRole('status')).toContainText('The banner is live on every page', { timeout: 20_000 });
}

async function takeDown(page: Page) {
  await page.goto(FRONT_PAGE);
  await page.getByRole('button', { name: 'Take down now' }).click();
  await expect(page.getByText('No banner is up.')).toBeVisible({ timeout: 20_000 });
}

test.afterAll(async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageState('editor') });
  const page = await context.newPage();
  await page.goto(FRONT_PAGE);
  if (await page.getByRole('button', { name: 'Take down now' }).count()) await takeDown(page);
  const reader = await readerPage(browser);
  await reader.page.goto('/');
  await expect(bannerOf(reader.page)).toHaveCount(0);
  await Promise.all([context.close(), reader.context.close()]);
});

test.describe('the breaking-news banner', () => {
  test('an editor posts one: every reader page shows it at once, with and without JavaScript, never the newsroom; taken down, it is gone', async ({ page, browser }) => {
    await page.goto(FRONT_PAGE);
    await expectNoAxeViolations(page);
    await post(page, 'Flood warning: the river road is closed', `/articles/${article.slug}`);
    await expect(bannerOf(page)).toHaveCount(0);

    for (const javaScriptEnabled of [true, false]) {
      const reader = await readerPage(browser, javaScriptEnabled);
      for (const path of READER_PAGES) {
        await reader.page.goto(path);
        await expect(bannerOf(reader.page).getByRole('link', { name: 'Flood warning: the river road is closed' })).toHaveAttribute('href', `/articles/${article.slug}`);
      }
      if (javaScriptEnabled) await expectNoAxeViolations(reader.page);
      await reader.context.close();
    }

    // A second banner replaces the first, at once.
    await post(page, 'Polling stations open until 10 pm tonight');
    await expect(page.getByRole('button', { name: 'Post banner (replaces the live one)' })).toBeVisible();
    const reader = await readerPage(browser, false);
    await reader.page.goto('/');
    await expect(bannerOf(reader.page)).toHaveText(/Polling stations open until 10 pm tonight/);
    await expect(bannerOf(reader.page).getByRole('link')).toHaveCount(0);

    await takeDown(page);
    for (const path of READER_PAGES) {
      await reader.page.goto(path);
      await expect(bannerOf(reader.page)).toHaveCount(0);
    }
    await expect(page.getByRole('table', { name: 'The last 20 banners, newest first' }).getByRole('row')).toHaveCount(3);
    await reader.context.close();
  });

  test('a banner that expires is gone from the pages without anyone touching it', async ({ page, browser }) => {
    await post(page, 'Expiring: market day moved to Friday');
    const reader = await readerPage(browser, false);
    await reader.page.goto('/');
    await expect(bannerOf(reader.page)).toContainText('Expiring: market day moved to Friday');
    // Its expiry moved to now, in the table and on the queue, as if its two hours had passed: the
    // expiry job (the app's own worker) wakes and the pages are rendered again without it.
    const sql = database();
    const [banner] = await sql<{ id: string }[]>`update breaking_news set expires_at = now() where ended_at is null and expires_at > now() returning id`;
    await sql`update pgboss.job set start_after = now() where name = 'banner-expiry' and id = ${banner!.id}`;
    await expect
      .poll(
        async () => {
          await reader.page.goto('/');
          return bannerOf(reader.page).count();
        },
        { timeout: 15_000, intervals: [500] },
      )
      .toBe(0);
    const [job] = await sql<{ state: string }[]>`select state from pgboss.job where name = 'banner-expiry' and id = ${banner!.id}`;
    expect(job!.state).toBe('completed');
    await page.goto(FRONT_PAGE);
    await expect(page.getByText('No banner is up.')).toBeVisible();
    await reader.context.close();
  });

  test('contributors are refused the front page', async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageState('contributor') });
    const page = await context.newPage();
    await page.goto(FRONT_PAGE);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your role does not include this page');
    await context.close();
  });
});
