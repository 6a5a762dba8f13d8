import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { articles, firstArticle } from './helpers/content';

const article = firstArticle((candidate) => candidate.body.includes('|'));
const pages = {
  home: '/',
  article: `/articles/${article.slug}`,
  category: `/category/${articles[0]!.category.slug}`,
  author: `/authors/${articles[0]!.author.slug}`,
  archive: '/archive',
  newsletter: '/newsletter',
  'newsletter confirmation': '/newsletter/confirm?token=a-token-from-an-email',
  'not found': '/articles/no-such-story',
};

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`accessibility (${scheme})`, () => {
    test.use({ colorScheme: scheme });
    for (const [name, path] of Object.entries(pages)) {
      test(`${name} page has no axe violations`, async ({ page }) => {
        await page.goto(path);
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
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
