import { expect, type Page, test } from '@playwright/test';

/** The form holding the button with exactly this name. */
export const formWith = (page: Page, button: string) => page.locator('form', { has: page.getByRole('button', { name: button, exact: true }) });

/**
 * The drafts a test of the calling spec file publishes: push their ids, and each is unpublished after
 * the test, passed or failed, so the other publishing specs' listings stay theirs.
 */
export function unpublishedAfterEach(): string[] {
  const published: string[] = [];
  test.afterEach(async ({ page }) => {
    for (const draftId of published.splice(0)) {
      await page.goto(`/editor/drafts/${draftId}/publish`);
      await formWith(page, 'Unpublish').getByRole('button', { name: 'Unpublish', exact: true }).click();
      // Unpublished, the button goes (it no longer applies) and its answer stays.
      await expect(page.getByRole('status').filter({ hasText: /Unpublished/ })).toBeVisible();
    }
  });
  return published;
}
