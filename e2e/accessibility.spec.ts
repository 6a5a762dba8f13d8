import { expect, test } from '@playwright/test';

import { expectNoAxeViolations } from './helpers/axe';
import { articles, firstArticle } from './helpers/content';
import { storageState } from './helpers/newsroom';

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

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`accessibility (${scheme})`, () => {
    test.use({ colorScheme: scheme });
    for (const [name, path] of Object.entries(pages)) {
      test(`${name} page has no axe violations`, async ({ page }) => {
        await page.goto(path);
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

  test.describe('as admin', () => {
    test.use({ storageState: storageState('admin') });
    for (const path of [
      '/editor',
      '/editor/people',
      '/editor/sections',
      '/editor/subscribers',
      '/editor/account',
      '/editor/settings',
      '/editor/front-page',
      '/editor/front-page/preview',
    ]) {
      test(`${path} has no axe violations`, async ({ page }) => {
        await page.goto(path);
        await expect(page).toHaveURL(path);
        await expectNoAxeViolations(page);
      });
    }
  });
});
