import { randomUUID } from 'node:crypto';

import { type Browser, expect, type Page, test } from '@playwright/test';

import { expectNoAxeViolations } from './helpers/axe';
import { database } from './helpers/database';
import { seedReadyDraft } from './helpers/drafts';
import { storageState } from './helpers/newsroom';
import { formWith, unpublishedAfterEach } from './helpers/publishing';

// The partner story of issue 14: filed under a "News" section made in the newsroom, which readers see
// exactly like a section of content/categories.json, renamed and retired from the newsroom, live at
// once. Each test retires what it creates, so no newsroom section outlives it (other specs compare the
// site with content/), and unpublishes what it publishes.

test.use({ storageState: storageState('editor') });
const published = unpublishedAfterEach();
const created: string[] = [];

// Only if a test failed before retiring what it made: the pages still carry it until their next change,
// but no later run's pages gain a newsroom section.
test.afterEach(async () => {
  const slugs = created.splice(0);
  await database()`update sections set retired_at = now() where slug = any(${slugs}) and retired_at is null`;
});

async function readerPage(browser: Browser, javaScriptEnabled = true) {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, javaScriptEnabled });
  return { context, page: await context.newPage() };
}

async function addSection(page: Page, name: string, slug: string) {
  created.push(slug);
  await page.goto('/editor/sections');
  const form = formWith(page, 'Add section');
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Address').fill(slug);
  await form.getByLabel('Description').fill(`${name} from the town and partner outlets.`);
  await form.getByRole('button', { name: 'Add section', exact: true }).click();
  await expect(form.getByRole('status')).toContainText(`Section ${name} added at /category/${slug}.`);
}

async function publishNow(page: Page, draftId: string) {
  await page.goto(`/editor/drafts/${draftId}/publish`);
  const form = formWith(page, 'Publish now');
  await form.getByRole('button', { name: 'Publish now', exact: true }).click();
  await expect(form.getByRole('status')).toContainText(/Published/, { timeout: 20_000 });
  published.push(draftId);
}

async function retire(page: Page, name: string, into?: string) {
  await page.goto('/editor/sections');
  const form = formWith(page, `Retire ${name}`);
  if (into) await form.getByLabel(/^Move its/).selectOption({ label: into });
  await form.getByRole('button', { name: `Retire ${name}`, exact: true }).click();
  // Its forms leave the page with it: the page says so.
  await expect(page.getByRole('status').filter({ hasText: `Section ${name} retired.` })).toContainText(into ? `now lead to ${into}` : 'retired');
}

test.describe('newsroom sections', () => {
  test('a News section: its page, label, feed and sitemap entry are live at once; renamed, then retired into Council with its article', async ({ browser, page: editor }) => {
    const slug = `news-${randomUUID().slice(0, 8)}`;
    const reader = await readerPage(browser);
    const request = reader.context.request;
    await addSection(editor, 'News', slug);
    await expect(editor.getByRole('row', { name: /Council/ })).toContainText('From content/categories.json — changed in git');
    await expectNoAxeViolations(editor);

    const draft = await seedReadyDraft({ category: slug });
    await editor.goto(`/editor/drafts/${draft.id}`);
    await expect(editor.getByLabel('Category').locator('option:checked')).toHaveText('News');
    await publishNow(editor, draft.id);
    // The sections page in a tab of its own: the publish page may still be settling in this one.
    const desk = await editor.context().newPage();

    // The very next requests, with no waiting: the actions expired the pages' cache tags.
    const [section, feed, sitemap] = await Promise.all([request.get(`/category/${slug}`), request.get(`/category/${slug}/feed.json`), request.get('/sitemap.xml')]);
    expect(section.status()).toBe(200);
    expect(await section.text()).toContain(draft.title);
    expect(((await feed.json()) as { title: string; items: { url: string }[] }).items.map((item) => item.url)).toEqual([expect.stringContaining(`/articles/${draft.slug}`)]);
    expect(await sitemap.text()).toContain(`/category/${slug}</loc>`);
    const { page } = reader;
    await page.goto(`/articles/${draft.slug}`);
    await expect(page.locator('a.kicker')).toHaveText('News');
    await page.goto('/');
    await expect(page.getByRole('contentinfo').getByRole('link', { name: 'News', exact: true })).toHaveAttribute('href', `/category/${slug}`);

    await desk.goto('/editor/sections');
    const edit = formWith(desk, 'Save News');
    await edit.getByLabel('Name').fill('Regional news');
    await edit.getByRole('button', { name: 'Save News', exact: true }).click();
    // The page comes back with the new name, its form's button too.
    await expect(formWith(desk, 'Save Regional news').getByRole('status')).toContainText(`its address stays /category/${slug}`);
    await page.goto(`/articles/${draft.slug}`);
    await expect(page.locator('a.kicker')).toHaveText('Regional news');
    await page.goto(`/category/${slug}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Regional news');

    await desk.goto('/editor/sections');
    const refused = formWith(desk, 'Retire Regional news');
    await expect(refused.getByLabel('Move its article to')).toBeVisible();
    await retire(desk, 'Regional news', 'Council');
    await expect(desk.getByText(`Regional news (/category/${slug}): leads to /category/council`)).toBeVisible();
    const moved = await request.get(`/category/${slug}`, { maxRedirects: 0 });
    expect(moved.status()).toBe(308);
    expect(moved.headers().location).toMatch(/\/category\/council$/);
    await page.goto(`/articles/${draft.slug}`);
    await expect(page.locator('a.kicker')).toHaveText('Council');
    await page.goto('/category/council');
    await expect(page.getByRole('link', { name: draft.title })).toBeVisible();
    expect(await (await request.get('/sitemap.xml')).text()).not.toContain(`/category/${slug}</loc>`);
    await reader.context.close();
  });

  test('without JavaScript: add, order and retire with its article moved, and the article shows under the target', async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageState('editor'), javaScriptEnabled: false });
    const editor = await context.newPage();
    const unique = randomUUID().slice(0, 8);
    const [first, second] = [`wire-${unique}`, `partners-${unique}`];
    await addSection(editor, 'Wire', first);
    await addSection(editor, 'Partners', second);
    await formWith(editor, 'Move Partners up').getByRole('button').click();
    await expect(formWith(editor, 'Move Partners up').getByRole('status')).toHaveText('Section moved up.');
    const names = await editor.getByRole('table').getByRole('row').allTextContents();
    expect(names.findIndex((row) => row.includes('Partners'))).toBeLessThan(names.findIndex((row) => row.includes('Wire')));

    const draft = await seedReadyDraft({ category: second });
    await publishNow(editor, draft.id);
    await retire(editor, 'Partners', 'Wire');
    await retire(editor, 'Wire', 'Sport');
    const reader = await readerPage(browser, false);
    await reader.page.goto(`/category/${second}`);
    await expect(reader.page).toHaveURL(/\/category\/sport$/);
    await expect(reader.page.getByRole('link', { name: draft.title })).toBeVisible();
    await reader.page.goto(`/articles/${draft.slug}`);
    await expect(reader.page.locator('a.kicker')).toHaveText('Sport');
    await reader.context.close();
    await context.close();
  });

  test('a contributor has no sections page and no sections link', async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageState('contributor') });
    const page = await context.newPage();
    await page.goto('/editor');
    await expect(page.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name: 'Sections' })).toHaveCount(0);
    await page.goto('/editor/sections');
    await expect(page).toHaveURL(/\/editor\/not-allowed$/);
    await context.close();
  });
});
