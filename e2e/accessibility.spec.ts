import { expect, test } from '@playwright/test';

import { expectNoAxeViolations } from './helpers/axe';
import { articles, firstArticle } from './helpers/content';

const article = firstArticle((candidate) => candidate.body.includes('|'));
const pages = {
  home: '/',
  article: `/articles/${article.slug}`,
  category: `/category/${articles[0]!.category.slug}`,
  author: `/authors/${articles[0]!.authors[0]!.slug}`,
  archive: '/archive',
  corrections: '/corrections',
  'corrected article': `/articles/${firstArticle((candidate) => candidate.corrections.length > 0).slug}`,
  newsletter: '/newsletter',
  'newsletter confirmation': '/newsletter/confirm?token=a-token-from-an-email',
  'newsletter challenge': '/newsletter/check',
  'not found': '/articles/no-such-story',
};

// One visit per page, checked in both colour schemes: only the colours change between them (plain CSS
// media queries, no transitions), so a second visit would buy nothing. The newsroom's pages are checked
// in writing-desk.spec.ts, every one of them.
for (const [name, path] of Object.entries(pages)) {
  test(`${name} page has no axe violations, light or dark`, async ({ page }) => {
    await page.goto(path);
    for (const colorScheme of ['light', 'dark'] as const) {
      await test.step(colorScheme, async () => {
        await page.emulateMedia({ colorScheme });
        await expectNoAxeViolations(page);
      });
    }
  });
}

test('the skip link moves keyboard focus to the content', async ({ page }) => {
  await page.goto(pages.article);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
});

test.describe('newsroom accessibility', () => {
  for (const path of ['/editor/login', '/editor/login/code', '/editor/login/code?link=sample']) {
    test(`the sign-in page ${path} has no axe violations`, async ({ page }) => {
      await page.goto(path);
      await expectNoAxeViolations(page);
    });
  }
});
