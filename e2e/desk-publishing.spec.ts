import { expect, test } from '@playwright/test';

import { seedReadyDraft } from './helpers/drafts';
import { storageState } from './helpers/newsroom';
import { formWith, unpublishedAfterEach } from './helpers/publishing';

// Publish now in the desk's action bar while autosave is still waiting for a pause: what was typed
// a moment ago is saved first and is what readers get, never the version before it.

test.use({ storageState: storageState('editor') });
const published = unpublishedAfterEach();

test('Publish now right after typing saves the typing first and publishes it', async ({ page, browser }) => {
  const draft = await seedReadyDraft();
  await page.goto(`/editor/drafts/${draft.id}`);
  const body = page.locator('[contenteditable="true"]').and(page.getByRole('textbox', { name: 'Body', exact: true }));
  await body.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(' Typed the moment before publishing.');
  await expect(page.locator('#draft-form-status')).toHaveText('Unsaved changes');

  const bar = page.getByRole('region', { name: 'Draft actions' });
  await formWith(page, 'Publish now').and(bar.locator('form')).getByRole('button', { name: 'Publish now', exact: true }).click();
  await expect(bar.getByRole('status').filter({ hasText: /Published/ })).toBeVisible({ timeout: 20_000 });
  published.push(draft.id);
  await expect(page.locator('#draft-form-status')).toContainText('as version 2.');

  const reader = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const article = await reader.newPage();
  await article.goto(`/articles/${draft.slug}`);
  await expect(article.getByText('More text follows here. Typed the moment before publishing.')).toBeVisible();
  await reader.close();
});
