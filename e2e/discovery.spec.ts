import { expect, test } from '@playwright/test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

import { articles, firstArticle, recentArticles, site } from './helpers/content';

const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['item', 'entry', 'url', 'sitemap'].includes(name) });
const articleUrl = (slug: string) => `${site.url}/articles/${slug}`;

async function xml(request: import('@playwright/test').APIRequestContext, path: string, type: RegExp) {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  expect(response.headers()['content-type']).toMatch(type);
  const body = await response.text();
  expect(XMLValidator.validate(body), `${path} is well-formed XML`).toBe(true);
  return parser.parse(body);
}

test.describe('feeds and sitemaps', () => {
  test('RSS 2.0 lists every article with its link, date and author', async ({ request }) => {
    const rss = await xml(request, '/feed.xml', /application\/rss\+xml/);
    expect(rss.rss['@_version']).toBe('2.0');
    const items = rss.rss.channel.item as { link: string; pubDate: string; title: string }[];
    expect(items.map((item) => item.link)).toEqual(articles.map((article) => articleUrl(article.slug)));
    expect(new Date(items[0]!.pubDate).getTime()).toBe(articles[0]!.published.getTime());
  });

  test('Atom and JSON Feed carry the same entries', async ({ request }) => {
    const atom = await xml(request, '/atom.xml', /application\/atom\+xml/);
    expect(atom.feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(atom.feed.entry).toHaveLength(articles.length);
    const response = await request.get('/feed.json');
    expect(response.headers()['content-type']).toMatch(/application\/feed\+json/);
    const json = await response.json();
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.items[0].authors).toEqual(articles[0]!.authors.map((author) => ({ name: author.name, url: `${site.url}/authors/${author.slug}` })));
    expect(json.items.map((item: { url: string }) => item.url)).toEqual(articles.map((article) => articleUrl(article.slug)));
  });

  test('each category has its own feeds, with only its stories', async ({ request }) => {
    const category = articles[0]!.category;
    const rss = await xml(request, `/category/${category.slug}/feed.xml`, /rss/);
    const expected = articles.filter((article) => article.category.slug === category.slug);
    expect(rss.rss.channel.item.map((item: { link: string }) => item.link)).toEqual(expected.map((a) => articleUrl(a.slug)));
    expect((await request.get(`/category/${category.slug}/feed.json`)).status()).toBe(200);
    expect((await request.get(`/category/${category.slug}/atom.xml`)).status()).toBe(200);
    // An unknown section's feed is the static 404 page, sent before the route renders (and caches) it.
    for (const feed of ['feed.xml', 'atom.xml', 'feed.json']) {
      const unknown = await request.get(`/category/nonsense-${Date.now()}/${feed}`);
      expect(unknown.status()).toBe(404);
      expect(unknown.headers()['content-type']).toContain('text/html');
    }
  });

  test('pages advertise their feeds', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute('href', /\/feed\.xml$/);
    await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute('href', /\/atom\.xml$/);
    await expect(page.locator('link[rel="alternate"][type="application/feed+json"]')).toHaveAttribute('href', /\/feed\.json$/);
  });

  test('sitemap.xml lists every article, section and author', async ({ request }) => {
    const sitemap = await xml(request, '/sitemap.xml', /xml/);
    const urls = (sitemap.urlset.url as { loc: string }[]).map((entry) => entry.loc);
    for (const article of articles) expect(urls).toContain(articleUrl(article.slug));
    for (const category of new Set(articles.map((article) => article.category.slug))) expect(urls).toContain(`${site.url}/category/${category}`);
    for (const author of new Set(articles.flatMap((article) => article.authors.map((author) => author.slug)))) expect(urls).toContain(`${site.url}/authors/${author}`);
    expect(urls).toContain(`${site.url}/corrections`);
  });

  test('the news sitemap holds exactly the articles of the last 48 hours', async ({ request }) => {
    const news = await xml(request, '/news-sitemap.xml', /xml/);
    expect(news.urlset['@_xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    const entries = (news.urlset.url ?? []) as { loc: string; 'news:news': { 'news:title': string; 'news:publication': { 'news:name': string } } }[];
    // The window is measured at request time; the static copy may be up to ten minutes old.
    const expected = recentArticles(articles, new Date());
    const olderWindow = recentArticles(articles, new Date(Date.now() - 600_000));
    const got = entries.map((entry) => entry.loc);
    expect([expected, olderWindow].map((list) => list.map((a) => articleUrl(a.slug)))).toContainEqual(got);
    for (const entry of entries) expect(entry['news:news']['news:publication']['news:name']).toBe(site.name);
  });

  test('robots.txt points to both sitemaps', async ({ request }) => {
    const body = await (await request.get('/robots.txt')).text();
    expect(body).toContain(`Sitemap: ${site.url}/sitemap.xml`);
    expect(body).toContain(`Sitemap: ${site.url}/news-sitemap.xml`);
  });
});

test.describe('metadata', () => {
  test('an article has canonical, Open Graph, Twitter and NewsArticle JSON-LD', async ({ page, request }) => {
    const article = firstArticle();
    await page.goto(`/articles/${article.slug}`);
    await expect(page).toHaveTitle(`${article.title} | ${site.name}`);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', articleUrl(article.slug));
    await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article');
    await expect(page.locator('meta[property="article:published_time"]')).toHaveAttribute('content', article.published.toISOString());
    await expect(page.locator('meta[property="article:section"]')).toHaveAttribute('content', article.category.name);
    await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
    const ogImage = await page.locator('meta[property="og:image"]').first().getAttribute('content');
    const image = await request.get(new URL(ogImage!).pathname);
    expect(image.status()).toBe(200);
    expect(image.headers()['content-type']).toBe('image/png');

    const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
    const data = blocks.flatMap((block) => JSON.parse(block));
    const news = data.find((entry: { '@type': string }) => entry['@type'] === 'NewsArticle');
    expect(news).toMatchObject({
      headline: article.title,
      datePublished: article.published.toISOString(),
      author: article.authors.map((author) => ({ name: author.name })),
      publisher: { name: site.name },
    });
    expect(data.find((entry: { '@type': string }) => entry['@type'] === 'BreadcrumbList').itemListElement).toHaveLength(3);
  });

  test('a corrected article lists its corrections in JSON-LD, on the page and on /corrections', async ({ page }) => {
    const corrected = firstArticle((candidate) => candidate.corrections.length > 0);
    const [correction] = corrected.corrections;
    await page.goto(`/articles/${corrected.slug}`);
    await expect(page.getByRole('region', { name: 'Corrections' })).toContainText(correction!.text);
    const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
    const news = blocks.flatMap((block) => JSON.parse(block)).find((entry: { '@type': string }) => entry['@type'] === 'NewsArticle');
    expect(news.correction[0]).toEqual({ '@type': 'CorrectionComment', text: correction!.text, datePublished: correction!.date.toISOString() });
    await page.goto('/corrections');
    await expect(page.getByRole('listitem').filter({ hasText: correction!.text }).getByRole('link', { name: corrected.title })).toHaveAttribute(
      'href',
      `/articles/${corrected.slug}`,
    );
  });

  test('the home page describes the organisation', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveTitle(site.name);
    const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
    expect(blocks.map((block) => JSON.parse(block)['@type'])).toContain('NewsMediaOrganization');
  });
});
