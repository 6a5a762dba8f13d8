import { randomUUID } from 'node:crypto';

import { type APIResponse, expect, test } from '@playwright/test';

import { articles } from './helpers/content';
import { database } from './helpers/database';
import { seedReadyDraft } from './helpers/drafts';
import { signUp } from './helpers/newsletter';
import { storageState } from './helpers/newsroom';

// What a CDN or the proxy's micro-cache may keep (lib/cache/http.mjs): reader pages for a bounded
// time after a publication, nothing personal at all.
const READER = 'public, max-age=0, s-maxage=30, stale-while-revalidate=30';
const IMMUTABLE = 'public, max-age=31536000, immutable';

const article = articles[0]!;
const tag = article.tags[0]!;

function expectPrivate(response: APIResponse, what: string) {
  const value = response.headers()['cache-control'] ?? '';
  expect(value, what).toMatch(/(^|, )no-store(,|$)/);
  expect(value, what).not.toMatch(/public|s-maxage/);
}

test('reader pages, feeds and sitemaps may be kept by a shared cache for a bounded time only', async ({ request }) => {
  const readerAddresses = [
    '/',
    `/articles/${article.slug}`,
    `/category/${article.category.slug}`,
    `/tag/${tag}`,
    `/authors/${article.authors[0]!.slug}`,
    '/archive',
    '/feed.xml',
    '/atom.xml',
    '/feed.json',
    `/category/${article.category.slug}/feed.xml`,
    '/sitemap.xml',
    '/news-sitemap.xml',
    '/robots.txt',
    '/newsletter',
  ];
  for (const address of readerAddresses) {
    const response = await request.get(address, { maxRedirects: 0 });
    expect(response.status(), address).toBe(200);
    expect(response.headers()['cache-control'], address).toBe(READER);
    // Served from the page cache, the same for everyone: a page rendered per request (which might
    // show something personal) would carry the reader header too, so it has to be static.
    expect(response.headers()['x-nextjs-cache'], address).toMatch(/^(HIT|STALE|MISS)$/);
  }
  // The exception: the corrections list renders per request (it reads `?page=`), yet is the same for
  // every reader of one address, and the query string is part of any cache's key.
  for (const address of ['/corrections', '/corrections?page=1']) {
    const response = await request.get(address, { maxRedirects: 0 });
    expect(response.status(), address).toBe(200);
    expect(response.headers()['cache-control'], address).toBe(READER);
  }
  // An address that does not exist yet is not kept at all: an article published there is seen at once.
  for (const address of [`/articles/no-such-article-${randomUUID()}`, `/tag/no-such-tag-${randomUUID()}`, '/no-such-page']) {
    const missing = await request.get(address);
    expect(missing.status(), address).toBe(404);
    expectPrivate(missing, address);
  }
});

test('build assets, optimised images and uploads are immutable: their addresses change with them', async ({ request }) => {
  const home = await (await request.get('/')).text();
  const script = /src="(\/_next\/static\/[^"]+\.js)"/.exec(home)![1]!;
  expect((await request.get(script)).headers()['cache-control']).toBe(IMMUTABLE);

  const draft = await seedReadyDraft();
  const [row] = await database()<{ hero_image_id: string }[]>`select hero_image_id from drafts where id = ${draft.id}`;
  const media = await request.get(`/media/${row!.hero_image_id}`);
  expect(media.status()).toBe(200);
  expect(media.headers()['cache-control']).toBe(IMMUTABLE);
  const image = /<img[^>]+src="(\/_next\/image\?[^"]+)"/.exec(await (await request.get(`/articles/${article.slug}`)).text())![1]!.replaceAll('&amp;', '&');
  const optimised = await request.get(image, { headers: { Accept: 'image/webp,*/*' } });
  expect(optimised.status()).toBe(200);
  expect(optimised.headers()['cache-control']).toMatch(/^public, max-age=31536000/);
});

test('search, the newsletter token pages and the API are never kept by a shared cache', async ({ request }) => {
  for (const address of ['/search', '/search?q=council', '/newsletter/confirm?token=x', '/newsletter/unsubscribe?token=x', '/api/preview/exit']) {
    expectPrivate(await request.get(address, { maxRedirects: 0 }), address);
  }
});

test('a newsletter sign-up answer is never kept by a shared cache', async ({ page }) => {
  await page.goto(`/articles/${article.slug}`);
  const answer = page.waitForResponse((response) => response.request().method() === 'POST');
  await expect(await signUp(page, 'not-an-address')).toHaveText('Enter a valid email address, like name@example.com.');
  const response = await answer;
  const value = (await response.allHeaders())['cache-control'] ?? '';
  expect(value).toMatch(/(^|, )no-store(,|$)/);
  expect(value).not.toMatch(/public|s-maxage/);
});

test.describe('the newsroom', () => {
  test('is never kept by a shared cache, signed out', async ({ request }) => {
    for (const address of ['/editor', '/editor/login', '/editor/setup', '/editor/drafts', '/editor/no-such-page']) {
      expectPrivate(await request.get(address, { maxRedirects: 0 }), address);
    }
  });

  test.describe('signed in', () => {
    test.use({ storageState: storageState('editor') });

    test('is never kept by a shared cache, nor is a draft preview', async ({ page, request }) => {
      for (const address of ['/editor', '/editor/drafts', '/editor/account', '/editor/review']) {
        const response = await request.get(address, { maxRedirects: 0 });
        expect(response.status(), address).toBe(200);
        expectPrivate(response, address);
      }
      const draft = await seedReadyDraft();
      const preview = page.waitForResponse((response) => response.url().endsWith(`/articles/${draft.slug}`));
      await page.goto(`/editor/drafts/${draft.id}/preview`);
      await expect(page.getByText('Preview — not published')).toBeVisible();
      const response = await preview;
      expect(response.status()).toBe(200);
      const value = (await response.allHeaders())['cache-control'] ?? '';
      expect(value).toMatch(/(^|, )private(,|$)/);
      expect(value).toMatch(/(^|, )no-store(,|$)/);
    });
  });
});
