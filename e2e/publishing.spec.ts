import { type APIRequestContext, type Browser, expect, type Page, test } from '@playwright/test';

import { expectNoAxeViolations } from './helpers/axe';
import { draftRow, saveNewTitle, type SeededDraft, seedReadyDraft } from './helpers/drafts';
import { storageState } from './helpers/newsroom';

// Readers' pages change when the newsroom publishes: these tests publish through the editor's
// publishing panel (seeding drafts directly, as the drafts editor would have saved them) and read
// the site as an anonymous visitor.

const NOT_FOUND = 'We can’t find that page';

async function publishPage(browser: Browser) {
  const context = await browser.newContext({ storageState: storageState('editor') });
  return { context, page: await context.newPage() };
}

async function press(page: Page, draft: SeededDraft, button: string, expected: RegExp) {
  await page.goto(`/editor/drafts/${draft.id}/publish`);
  await page.getByRole('button', { name: button, exact: true }).click();
  // The answer stays where the button was, even when the button goes (Unpublish, once unpublished).
  await expect(page.getByRole('status').filter({ hasText: expected })).toBeVisible();
}

async function expectGone(request: APIRequestContext, path: string) {
  const response = await request.get(path);
  expect(response.status(), path).toBe(404);
  // The complete static 404 page, not an empty shell that needs JavaScript.
  expect(await response.text()).toContain(NOT_FOUND);
}

test.describe('publishing', () => {
  test('a published draft is on every page that lists it, and reads like any article; unpublished, it is gone', async ({ browser, page, request }) => {
    const draft = await seedReadyDraft();
    await expectGone(request, `/articles/${draft.slug}`);
    const editor = await publishPage(browser);
    await press(editor.page, draft, 'Publish now', /Published/);
    expect(await draftRow(draft.id)).toMatchObject({ status: 'published' });

    const link = (where: Page) => where.getByRole('link', { name: draft.title }).first();
    for (const path of ['/', `/category/${draft.category}`, `/tag/${draft.tags[0]}`, `/authors/${draft.authorSlug}`]) {
      await page.goto(path);
      await expect(link(page), path).toBeVisible();
    }
    expect(await (await request.get('/feed.xml')).text()).toContain(`/articles/${draft.slug}</link>`);
    expect(await (await request.get('/sitemap.xml')).text()).toContain(`/articles/${draft.slug}</loc>`);

    const response = await page.goto(`/articles/${draft.slug}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(draft.title);
    await expect(page.getByRole('img', { name: 'A plain coloured rectangle standing in for a photograph' })).toBeVisible();
    await expect(page.locator('.author-card')).toContainText(draft.authorName);
    await expect(page.getByRole('heading', { name: 'What happens next' })).toBeVisible();

    await press(editor.page, draft, 'Unpublish', /Unpublished/);
    await expectGone(request, `/articles/${draft.slug}`);
    await page.goto('/');
    await expect(page.getByRole('link', { name: draft.title })).toHaveCount(0);
    expect(await (await request.get('/feed.xml')).text()).not.toContain(draft.slug);
    await editor.context.close();
  });

  test('a draft that is not ready is refused with its problems', async ({ browser, request }) => {
    const draft = await seedReadyDraft({ body: 'Hello\n\nexport const secret = 1\n' });
    const editor = await publishPage(browser);
    await press(editor.page, draft, 'Publish now', /Not published:/);
    await expectGone(request, `/articles/${draft.slug}`);
    await editor.context.close();
  });

  test('a scheduled draft is published by the server on time, with nobody in the newsroom', async ({ browser, request }) => {
    const draft = await seedReadyDraft();
    const editor = await publishPage(browser);
    await editor.page.goto(`/editor/drafts/${draft.id}/publish`);
    // The field is in the newsroom's time zone (Europe/London in content/site.json).
    const when = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/London',
      dateStyle: 'short',
      timeStyle: 'medium',
    }).format(new Date(Date.now() + 10_000));
    await editor.page.getByLabel('Publish at').fill(when.replace(' ', 'T'));
    await editor.page.getByRole('button', { name: 'Schedule', exact: true }).click();
    await expect(editor.page.locator('form', { has: editor.page.getByLabel('Publish at') }).getByRole('status')).toContainText('Version 1 is scheduled for');
    await expectNoAxeViolations(editor.page);
    await editor.page.goto('/editor');
    await expect(editor.page.getByRole('region', { name: 'Scheduled' })).toContainText(draft.title);
    await expect(editor.page.getByRole('region', { name: 'Scheduled' })).toContainText('Version 1 (the latest) is scheduled.');
    await expectNoAxeViolations(editor.page);
    await editor.context.close();

    await expect.poll(async () => (await request.get(`/articles/${draft.slug}`)).status(), { timeout: 60_000, intervals: [1000] }).toBe(200);
    expect(await (await request.get(`/articles/${draft.slug}`)).text()).toContain(draft.title);
    expect(await draftRow(draft.id)).toMatchObject({ status: 'published' });
  });

  test('a schedule publishes the version the editor saw, never a later save, and the newsroom is told', async ({ browser, request }) => {
    const draft = await seedReadyDraft();
    const editor = await publishPage(browser);
    const schedule = async () => {
      const when = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/London', dateStyle: 'short', timeStyle: 'medium' }).format(new Date(Date.now() + 15_000));
      await editor.page.getByLabel('Publish at').fill(when.replace(' ', 'T'));
      await editor.page.getByRole('button', { name: 'Schedule', exact: true }).click();
      return editor.page.locator('form', { has: editor.page.getByLabel('Publish at') }).getByRole('status');
    };
    await editor.page.goto(`/editor/drafts/${draft.id}/publish`);
    // Saved by someone else after the page was opened: that version was never seen here.
    await saveNewTitle(draft.id, `${draft.title} (second version)`);
    await expect(await schedule()).toContainText('Not scheduled: The draft was saved again (version 2)');

    await editor.page.goto(`/editor/drafts/${draft.id}/publish`);
    await expect(await schedule()).toContainText('Version 2 is scheduled for');
    await saveNewTitle(draft.id, `${draft.title} (unreviewed third version)`);
    await editor.page.goto('/editor');
    await expect(editor.page.getByRole('region', { name: 'Scheduled' })).toContainText('Version 2 of 3 is scheduled; the draft has changed since');
    await expectNoAxeViolations(editor.page);
    await editor.context.close();

    await expect.poll(async () => (await request.get(`/articles/${draft.slug}`)).status(), { timeout: 60_000, intervals: [1000] }).toBe(200);
    const page = await (await request.get(`/articles/${draft.slug}`)).text();
    expect(page).toContain(`${draft.title} (second version)`);
    expect(page).not.toContain('unreviewed third version');
  });

  test('the full-page preview shows the draft to its editor, and a copied draft-mode cookie shows nobody else anything', async ({ browser }) => {
    const draft = await seedReadyDraft();
    const editor = await publishPage(browser);
    await editor.page.goto(`/editor/drafts/${draft.id}/preview`);
    await expect(editor.page).toHaveURL(`/articles/${draft.slug}`);
    await expect(editor.page.getByText('Preview — not published')).toBeVisible();
    await expect(editor.page.getByRole('heading', { level: 1 })).toHaveText(draft.title);

    const bypass = (await editor.context.cookies()).find((cookie) => cookie.name === '__prerender_bypass');
    expect(bypass).toBeDefined();
    const anonymous = await browser.newContext();
    await anonymous.addCookies([bypass!]);
    const response = await anonymous.request.get(`/articles/${draft.slug}`);
    expect(response.status()).toBe(404);
    const body = await response.text();
    expect(body).not.toContain(draft.title);
    expect(body).not.toContain('Preview — not published');
    await anonymous.close();

    await editor.page.getByRole('link', { name: 'Leave preview' }).click();
    expect((await editor.context.cookies()).some((cookie) => cookie.name === '__prerender_bypass')).toBe(false);
    await editor.context.close();
  });

  test('readers get static pages: no draft-mode cookie, no private or dynamic rendering', async ({ request }) => {
    await request.get('/');
    const response = await request.get('/');
    expect(response.status()).toBe(200);
    expect(response.headers()['cache-control']).not.toMatch(/private|no-store/);
    expect(response.headers()['set-cookie'] ?? '').not.toContain('__prerender_bypass');
  });
});
