import { expect, type Page, test } from '@playwright/test';

import { plainText } from '../lib/search/plain-text';
import { expectNoAxeViolations } from './helpers/axe';
import { clientAddress } from './helpers/client-address';
import { articles } from './helpers/content';

// A long word that only the body of one article holds: found only if bodies are indexed. Its first
// six letters appear nowhere else, so that no other article holds a word of the same stem.
const stem = (word: string) => word.toLowerCase().slice(0, 6);

function bodyOnlyWord() {
  for (const article of articles) {
    const elsewhere = articles.filter((other) => other !== article).map((other) => `${other.title} ${other.standfirst} ${plainText(other.body)}`.toLowerCase());
    const heading = `${article.title} ${article.standfirst}`.toLowerCase();
    const word = plainText(article.body)
      .split(/[^\p{L}]+/u)
      .find((candidate) => candidate.length >= 9 && !heading.includes(stem(candidate)) && !elsewhere.some((text) => text.includes(stem(candidate))));
    if (word) return { article, word };
  }
  throw new Error('No article of the sample content has a word of its own');
}

const { article, word } = bodyOnlyWord();

async function searchFromHeader(page: Page, query: string) {
  const box = page.getByRole('search', { name: 'Site' });
  await box.getByRole('searchbox', { name: 'Search articles' }).fill(query);
  await box.getByRole('button', { name: 'Search' }).click();
}

test.describe('search', () => {
  test('the header finds an article by a word of its body, highlighted in the snippet', async ({ page }) => {
    await page.goto('/');
    await searchFromHeader(page, word);
    await expect(page).toHaveURL(new RegExp(`/search\\?q=${word}$`));
    await expect(page.getByRole('status')).toHaveText(`1 article matches “${word}”.`);
    const hit = page.getByRole('article').filter({ has: page.getByRole('link', { name: article.title }) });
    await expect(hit.locator('mark')).toHaveText([new RegExp(word, 'i')]);
    await hit.getByRole('link', { name: article.title }).click();
    await expect(page).toHaveURL(new RegExp(`/articles/${article.slug}$`));
  });

  test('the 404 page has the search box too', async ({ page }) => {
    const response = await page.goto('/no-such-page-here');
    expect(response?.status()).toBe(404);
    await searchFromHeader(page, word);
    await expect(page.getByRole('link', { name: article.title })).toBeVisible();
  });

  test('hostile queries get a page, escaped, never an error', async ({ page }) => {
    const hostile = `<script>alert(1)</script> "'); drop table x; -- ((${'x'.repeat(300)}`;
    const response = await page.goto(`/search?q=${encodeURIComponent(hostile)}&from=nonsense&page=abc`);
    expect(response?.status()).toBe(200);
    await expect(page.getByText('Your search was longer than 200 characters')).toBeVisible();
    await expect(page.getByRole('status')).toContainText('<script>alert(1)</script>');
    expect(await page.locator('main script').count()).toBe(0);
  });

  test('the results page is accessible and kept out of search engines', async ({ page, javaScriptEnabled }) => {
    test.skip(!javaScriptEnabled, 'axe runs in the page, which needs JavaScript');
    await page.goto(`/search?q=${encodeURIComponent('council budget')}`);
    await expect(page.getByRole('status')).toContainText('match');
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
    await expectNoAxeViolations(page);
  });

  test('with JavaScript, results follow the typing on the same page', async ({ page, javaScriptEnabled }) => {
    test.skip(!javaScriptEnabled, 'an enhancement for browsers with JavaScript');
    await page.goto('/search');
    await page.getByRole('searchbox', { name: 'Search for' }).pressSequentially(word, { delay: 20 });
    await expect(page.getByRole('status')).toHaveText(`1 article matches “${word}”.`);
    await expect(page).toHaveURL(new RegExp(`/search\\?q=${word}$`));
    await expect(page.getByRole('searchbox', { name: 'Search for' })).toBeFocused();
  });

  test('a client searching too fast is asked politely to wait', async ({ request }) => {
    const headers = { 'x-forwarded-for': clientAddress() };
    const search = (n: number) => request.get(`/search?q=word${n}`, { headers });
    // SEARCH_RATE_LIMIT is 30 a minute in playwright.config.ts.
    for (let n = 0; n < 30; n += 1) expect(await (await search(n)).text()).not.toContain('You have searched a lot');
    const refused = await search(30);
    expect(refused.status()).toBe(200);
    expect(await refused.text()).toMatch(/You have searched a lot in a short time\. Please wait \d+ seconds, then try again\./);
  });

  test('offers the right word for a typo', async ({ page }) => {
    const typo = `${word.slice(0, 3)}${word[4]}${word[3]}${word.slice(5)}`;
    await page.goto(`/search?q=${encodeURIComponent(typo)}`);
    await page.getByRole('link', { name: word.toLowerCase() }).click();
    await expect(page.getByRole('link', { name: article.title })).toBeVisible();
  });
});
