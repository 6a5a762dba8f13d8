import { expect, test } from '@playwright/test';

import { seedReadyDraft } from './helpers/drafts';
import { storageState } from './helpers/newsroom';

// Named *publishing.spec.ts: it publishes, so it runs in the "publishing" project, after the specs that
// compare the site's listings with content/.

test.use({ storageState: storageState('editor') });

// Its own alt text, and unpublished at the end: the publishing spec finds its own article's hero by
// alt text, and this article would otherwise sit among its related stories.
const HERO_ALT = 'A grey rectangle standing in for the email’s photograph';

test('a published article’s email previews in the browser, styled, sandboxed and with its pictures', async ({ page, request }) => {
  const draft = await seedReadyDraft({ heroAlt: HERO_ALT, body: 'The first paragraph.\n\n## What happens next\n\nA [link to the archive](/archive).' });
  await page.goto(`/editor/drafts/${draft.id}/publish`);
  await expect(page.getByRole('link', { name: 'Preview the email' })).toHaveCount(0);
  const form = page.locator('form', { has: page.getByRole('button', { name: 'Publish now', exact: true }) });
  await form.getByRole('button', { name: 'Publish now', exact: true }).click();
  await expect(form.getByRole('status')).toContainText(/Published/);
  await page.reload();

  const blocked: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) blocked.push(message.text());
  });
  const [response] = await Promise.all([page.waitForResponse(/\/email$/), page.getByRole('link', { name: 'Preview the email' }).click()]);
  expect(response.headers()['content-type']).toBe('text/html; charset=utf-8');
  expect(response.headers()['content-security-policy']).toMatch(/default-src 'none'.*sandbox/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(draft.title);
  await expect(page.getByRole('heading', { name: 'What happens next' })).toBeVisible();
  await expect(page.locator('body')).toContainText(`By ${draft.authorName}`);
  const hero = page.getByRole('img', { name: HERO_ALT });
  // Absolute on SITE_URL, which this test's server is not: fetched here from the server under test.
  const src = new URL((await hero.getAttribute('src'))!);
  expect(src.pathname).toBe('/_next/image');
  const picture = await request.get(`${src.pathname}${src.search}`);
  expect(picture.status()).toBe(200);
  expect(picture.headers()['content-type']).toMatch(/^image\//);
  // The inline styles apply: the 600 px column, not the browser's full width.
  expect(await page.locator('table.em-paper').evaluate((table) => table.getBoundingClientRect().width)).toBeLessThanOrEqual(600);
  expect(await page.getByRole('link', { name: 'link to the archive' }).getAttribute('href')).toMatch(/^https?:\/\/[^/]+\/archive$/);
  expect(blocked).toEqual([]);

  await page.goto(`/editor/drafts/${draft.id}/publish`);
  const unpublish = page.locator('form', { has: page.getByRole('button', { name: 'Unpublish', exact: true }) });
  await unpublish.getByRole('button', { name: 'Unpublish', exact: true }).click();
  // Unpublished, the button goes (it no longer applies) and its answer stays.
  await expect(page.getByRole('status').filter({ hasText: /Unpublished/ })).toBeVisible();
});
