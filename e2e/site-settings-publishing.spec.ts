import { type Browser, expect, type Page, test } from '@playwright/test';

import { expectNoAxeViolations } from './helpers/axe';
import { site } from './helpers/content';
import { database } from './helpers/database';
import { people, storageState } from './helpers/newsroom';

// Site settings as an admin changes them and readers see them: on the very next request after the
// save (the save expires the pages that show them), with and without JavaScript. Every other spec
// compares pages with content/site.json, so this one puts every setting back at the end.

test.use({ storageState: storageState('admin') });
// One banner (or one settings row) for the whole site: these tests take turns.
test.describe.configure({ mode: 'serial' });

const SETTINGS = '/editor/settings';
const NEW_NAME = 'The Wend Valley Ledger';
const NEW_LOGO = 'Wend Valley Ledger';

async function readerPage(browser: Browser, javaScriptEnabled = true) {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, javaScriptEnabled });
  return { context, page: await context.newPage() };
}

async function saved(page: Page, button = 'Save settings') {
  await page.getByRole('button', { name: button, exact: true }).first().click();
  await expect(page.getByRole('status')).toContainText(/Saved|saved|back to content\/site\.json/, { timeout: 20_000 });
}

test.afterAll(async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageState('admin') });
  const page = await context.newPage();
  await page.goto(SETTINGS);
  const reset = page.getByRole('button', { name: 'Reset every setting to the file’s defaults' });
  if (await reset.count()) await saved(page, 'Reset every setting to the file’s defaults');
  const reader = await readerPage(browser);
  await reader.page.goto('/');
  await expect(reader.page.locator('.masthead')).toHaveText(site.logoText);
  await Promise.all([context.close(), reader.context.close()]);
});

test.describe('site settings', () => {
  test('an admin renames the publication and its navigation; the next reader request shows it everywhere; the page passes axe', async ({ page, browser }) => {
    await page.goto(SETTINGS);
    await expect(page.getByRole('heading', { level: 1, name: 'Site settings' })).toBeVisible();
    await expect(page.getByText('stay in content/site.json')).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel('Name', { exact: true }).fill(NEW_NAME);
    await page.getByLabel('Logo text (the masthead)').fill(NEW_LOGO);
    await page.getByLabel('Navigation link 1: label').fill('Town hall');
    await saved(page);

    const reader = await readerPage(browser);
    const article = (await reader.context.request.get('/feed.json').then((response) => response.json())) as { title: string; items: { url: string }[] };
    expect(article.title).toContain(NEW_NAME);
    for (const path of ['/', new URL(article.items[0]!.url).pathname, '/category/council']) {
      await reader.page.goto(path);
      await expect(reader.page.locator('.masthead')).toHaveText(NEW_LOGO);
      await expect(reader.page.getByRole('navigation', { name: 'Sections' }).getByRole('link').first()).toHaveText('Town hall');
      await expect(reader.page.locator('.site-footer__name')).toHaveText(NEW_NAME);
    }
    await reader.page.goto('/');
    await expect(reader.page).toHaveTitle(new RegExp(NEW_NAME));
    const jsonLd = (await reader.page.locator('script[type="application/ld+json"]').allTextContents()).join('\n');
    expect(jsonLd).toContain(NEW_NAME);
    expect(await (await reader.context.request.get('/opensearch.xml')).text()).toContain(NEW_NAME);
    await reader.context.close();

    // Reset the name alone: the logo text stays as saved.
    await page.goto(SETTINGS);
    await saved(page, 'Reset name to the file’s default');
    const after = await readerPage(browser);
    await after.page.goto('/');
    await expect(after.page.locator('.site-footer__name')).toHaveText(site.name);
    await expect(after.page.locator('.masthead')).toHaveText(NEW_LOGO);
    await after.context.close();
  });

  test('without JavaScript, an admin moves a navigation link down and adds a section', async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageState('admin'), javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(SETTINGS);
    await page.getByRole('button', { name: 'Move down (navigation link 1)' }).click();
    await expect(page.getByRole('status')).toContainText('Saved, with that link moved.');
    await page.getByLabel('Add a section to the navigation').selectOption({ label: 'Sport' });
    await page.getByRole('button', { name: 'Add section' }).click();
    await expect(page.getByRole('status')).toContainText('Saved, with Sport added to the navigation.');
    const reader = await readerPage(browser, false);
    await reader.page.goto('/');
    const labels = await reader.page.getByRole('navigation', { name: 'Sections' }).getByRole('link').allTextContents();
    expect(labels.slice(0, 2)).toEqual([site.navigation[1]!.label, expect.any(String)]);
    expect(labels.at(-1)).toBe('Sport');
    await Promise.all([context.close(), reader.context.close()]);
  });

  test('a second admin’s save over the first one’s is refused with who and when, keeping what they typed', async ({ browser, page }) => {
    const other = await browser.newContext({ storageState: storageState('admin') });
    const second = await other.newPage();
    await page.goto(SETTINGS);
    await second.goto(SETTINGS);
    await page.getByLabel('Short name').fill('Wend');
    await saved(page);
    await second.getByLabel('Short name').fill('Valley');
    await second.getByRole('button', { name: 'Save settings' }).click();
    await expect(second.getByRole('status')).toContainText(`changed by ${people.admin.name} at`);
    await expect(second.getByRole('status')).toContainText('reload');
    await expect(second.getByLabel('Short name')).toHaveValue('Valley');
    await other.close();
  });

  test('a refused value says what is wrong and stores nothing', async ({ page }) => {
    const stored = () => database()`select settings, version from site_settings`;
    const before = await stored();
    await page.goto(SETTINGS);
    await page.getByLabel('Social link 1: https address').fill('http://social.example/@ledger');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByRole('status')).toContainText('Social links, link 1, address must be an https:// address');
    expect(await stored()).toEqual(before);
  });

  for (const role of ['contributor', 'editor'] as const) {
    test(`${role}s are refused`, async ({ browser }) => {
      const context = await browser.newContext({ storageState: storageState(role) });
      const page = await context.newPage();
      await page.goto(SETTINGS);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your role does not include this page');
      await page.goto('/editor');
      await expect(page.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name: 'Your account' })).toBeVisible();
      await expect(page.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name: 'Site settings' })).toHaveCount(0);
      await context.close();
    });
  }
});
