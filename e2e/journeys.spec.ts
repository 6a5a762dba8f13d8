import { expect, test } from '@playwright/test';

import { articles, firstArticle, homeLayout, listArchiveMonths, site, yearMonthIn } from './helpers/content';

// Runs twice: with JavaScript, and in the "no-javascript" project with it disabled.
test.describe('reader journeys', () => {
  test('home -> category -> article -> author', async ({ page }) => {
    await page.goto('/');
    const lead = homeLayout(articles).lead!;
    await expect(page.getByRole('link', { name: site.logoText })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: lead.title })).toBeVisible();

    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: lead.category.name }).click();
    await expect(page).toHaveURL(`/category/${lead.category.slug}`);
    await expect(page.getByRole('heading', { level: 1, name: lead.category.name })).toBeVisible();

    await page.getByRole('link', { name: lead.title, exact: true }).click();
    await expect(page).toHaveURL(`/articles/${lead.slug}`);
    await expect(page.getByRole('heading', { level: 1, name: lead.title })).toBeVisible();

    const [author] = lead.authors;
    await page.getByRole('article').getByRole('link', { name: author!.name }).first().click();
    await expect(page).toHaveURL(`/authors/${author!.slug}`);
    await expect(page.getByRole('heading', { level: 1, name: author!.name })).toBeVisible();
    const byAuthor = articles.filter((article) => article.authors.some((candidate) => candidate.slug === author!.slug));
    await expect(page.locator('main article')).toHaveCount(byAuthor.length);
  });

  test('an article page has every element a reader expects', async ({ page }) => {
    const article = firstArticle((candidate) => candidate.tags.length > 0);
    await page.goto(`/articles/${article.slug}`);
    const main = page.getByRole('main');
    await expect(main.getByRole('link', { name: article.category.name }).first()).toBeVisible();
    await expect(main.getByRole('heading', { level: 1 })).toHaveText(article.title);
    await expect(main.getByText(site.name, { exact: false }).first()).toBeVisible();
    await expect(main.locator(`time[datetime="${article.published.toISOString()}"]`).first()).toBeVisible();
    await expect(main.locator('.article__meta').getByText(`${article.readingMinutes} min read`)).toBeVisible();
    const hero = main.getByRole('img', { name: article.hero.alt, exact: true });
    await expect(hero).toBeVisible();
    expect(await hero.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await expect(main.getByText(article.standfirst)).toBeVisible();
    expect(await main.locator('.prose h2').count()).toBeGreaterThan(1);
    const [author] = article.authors;
    const authorCard = main.getByRole('region', { name: author!.name });
    await expect(authorCard.getByRole('img', { name: author!.picture.alt })).toBeVisible();
    await expect(authorCard.getByRole('link', { name: author!.name })).toHaveAttribute('href', `/authors/${author!.slug}`);
    await expect(main.getByRole('heading', { name: 'Related stories' })).toBeVisible();
    await expect(main.getByText('Get the latest updates delivered to your inbox')).toBeVisible();
    await expect(main.getByRole('navigation', { name: 'More stories' }).getByRole('link').first()).toBeVisible();
  });

  test('home pagination reaches every story and stops at the last page', async ({ page }) => {
    const layout = homeLayout(articles);
    await page.goto('/');
    const seen = new Set<string>();
    for (let number = 1; ; number += 1) {
      // Wait for the page's own heading, so a client-side navigation has finished before reading it.
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(number === 1 ? `${site.name}: latest news` : `Latest news, page ${number}`);
      for (const title of await page.locator('main article h2 a, main article h3 a').allTextContents()) seen.add(title);
      const older = page.getByRole('link', { name: 'Older →' });
      if ((await older.count()) === 0) break;
      await older.click();
      await expect(page).toHaveURL(`/page/${number + 1}`);
    }
    expect([...seen].sort()).toEqual(articles.map((article) => article.title).sort());
    expect(layout.latest.length).toBeGreaterThan(6);
  });

  test('unknown pages are a real 404 with a way back', async ({ page }) => {
    for (const path of ['/articles/no-such-story', '/category/no-such-section', '/page/99', '/page/1', '/authors/nobody', '/archive/2026/13']) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('We can’t find that page');
    }
    await page.getByRole('link', { name: 'The latest news' }).click();
    await expect(page).toHaveURL('/');
  });

  test('tag pages and the monthly archive list the right stories', async ({ page }) => {
    const article = firstArticle((candidate) => candidate.tags.length > 0);
    const tag = article.tags[0]!;
    await page.goto(`/articles/${article.slug}`);
    await page
      .getByRole('navigation', { name: 'Tags' })
      .getByRole('link', { name: tag.replace(/-/g, ' ') })
      .click();
    await expect(page).toHaveURL(`/tag/${tag}`);
    await expect(page.locator('main article')).toHaveCount(articles.filter((a) => a.tags.includes(tag)).length);

    const [newestMonth] = listArchiveMonths(articles, site.timeZone);
    const inMonth = articles.filter((a) => {
      const when = yearMonthIn(a.published, site.timeZone);
      return when.year === newestMonth!.year && when.month === newestMonth!.month;
    });
    await page.goto('/archive');
    await page.getByRole('main').getByRole('link').first().click();
    await expect(page).toHaveURL(`/archive/${newestMonth!.year}/${String(newestMonth!.month).padStart(2, '0')}`);
    await expect(page.locator('main article')).toHaveCount(inMonth.length);
  });
});
