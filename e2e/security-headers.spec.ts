import { randomUUID } from 'node:crypto';
import path from 'node:path';

import { type APIResponse, expect, test } from '@playwright/test';

import { clientAddress } from './helpers/client-address';
import { articles } from './helpers/content';
import { EDITOR_POLICY, READER_POLICY, watchPolicyViolations } from './helpers/csp';
import { fillBody } from './helpers/draft-body';
import { storageState } from './helpers/newsroom';

const COMMON = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
};

function expectCommonHeaders(response: APIResponse, what: string) {
  const headers = response.headers();
  for (const [name, value] of Object.entries(COMMON)) expect(headers[name], `${name} on ${what}`).toBe(value);
  expect(headers['permissions-policy'], `permissions-policy on ${what}`).toMatch(/(^|, )camera=\(\), microphone=\(\), geolocation=\(\)/);
  // The server under test is http: a promise of https would be wrong.
  expect(headers['strict-transport-security'], what).toBeUndefined();
}

const article = articles[0]!;

test('every kind of response carries the security headers, reader pages the static policy', async ({ request }) => {
  const readerAddresses = [
    '/',
    `/articles/${article.slug}`,
    `/category/${article.category.slug}`,
    '/newsletter',
    '/archive',
    '/no-such-page',
    `/articles/no-such-article-${randomUUID()}`,
    '/feed.xml',
    '/atom.xml',
    '/feed.json',
    '/sitemap.xml',
    '/news-sitemap.xml',
    '/robots.txt',
    `/newsletter/unsubscribe/one-click?token=x`,
  ];
  for (const address of readerAddresses) {
    const response = await request.get(address, { maxRedirects: 0 });
    expect(response.status(), address).toBeLessThan(500);
    expectCommonHeaders(response, address);
    expect(response.headers()['content-security-policy'], address).toBe(READER_POLICY);
  }
  // Uploads keep their own sandbox, which forbids everything a picture does not need.
  const media = await request.get(`/media/${randomUUID()}`);
  expect(media.status()).toBe(404);
  expectCommonHeaders(media, '/media');
  expect(media.headers()['content-security-policy']).toBe("default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox");

  const home = await (await request.get('/')).text();
  const asset = /src="(\/_next\/static\/[^"]+\.js)"/.exec(home)![1]!;
  expectCommonHeaders(await request.get(asset), asset);
});

test('newsroom pages get a fresh nonce, and Next.js puts it on every script', async ({ request }) => {
  const nonces = new Set<string>();
  for (const address of ['/editor/login', '/editor/login', '/editor/no-such-page']) {
    const response = await request.get(address);
    expectCommonHeaders(response, address);
    const policy = response.headers()['content-security-policy'] ?? '';
    const nonce = EDITOR_POLICY.exec(policy)?.[1];
    expect(nonce, `${address}: ${policy}`).toBeDefined();
    nonces.add(nonce!);
    const scripts = [...(await response.text()).matchAll(/<script\b([^>]*)>/g)].map((match) => match[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const attributes of scripts) expect(attributes, address).toContain(`nonce="${nonce}"`);
  }
  expect(nonces.size).toBe(3);
  // The early redirect of a visitor without a session is a newsroom response too.
  const redirect = await request.get('/editor/drafts', { maxRedirects: 0 });
  expect(redirect.status()).toBe(307);
  expectCommonHeaders(redirect, 'the redirect to /editor/login');
});

test('reader pages run without a policy violation, and the newsletter form works with JavaScript', async ({ page }) => {
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': clientAddress() });
  const violations = await watchPolicyViolations(page);
  for (const address of ['/', `/category/${article.category.slug}`, '/archive', '/no-such-page']) await page.goto(address);
  await page.goto(`/articles/${article.slug}`);
  const box = page.getByRole('region', { name: /newsletter/i });
  await box.getByLabel('Email address').fill(`reader-${randomUUID()}@example.org`);
  await box.getByRole('button', { name: 'Sign up' }).click();
  await expect(box.getByRole('status')).toHaveText(/Check your inbox/);
  expect(await violations()).toEqual([]);
});

test.describe('the newsroom with JavaScript', () => {
  test.use({ storageState: storageState('contributor') });

  test('writes, previews live, uploads and saves without a policy violation', async ({ page }) => {
    const violations = await watchPolicyViolations(page);
    await page.goto('/editor');
    await page.goto('/editor/drafts/new');
    await page.getByLabel('Title').fill(`Policy check ${randomUUID()}`);
    await page.getByRole('button', { name: 'Start draft' }).click();
    await expect(page).toHaveURL(/\/editor\/drafts\/[0-9a-f-]{36}$/);
    await page.getByLabel('Hero image', { exact: true }).setInputFiles(path.resolve('public/images/articles/lido.jpg'));
    await page.getByLabel('Hero image alt text').fill('The lido');
    await fillBody(page, '## Under a strict policy\n\n<Callout title="Note">Inline **text**.</Callout>');
    await expect(page.getByRole('region', { name: 'Live preview' }).getByRole('heading', { name: 'Under a strict policy' })).toBeVisible();
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(page.locator('#draft-form-status')).toHaveText(/^Saved at \d\d:\d\d as version \d+\.$/);
    await expect(page.getByRole('img', { name: 'The lido' }).first()).toHaveAttribute('src', /^\/media\//);
    await page.goto(`${new URL(page.url()).pathname}/history`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.goto('/editor/account');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await violations()).toEqual([]);
  });
});

test.describe('the newsroom as admin', () => {
  test.use({ storageState: storageState('admin') });

  test('every page of the shell renders without a policy violation', async ({ page }) => {
    const violations = await watchPolicyViolations(page);
    for (const address of ['/editor', '/editor/drafts', '/editor/review', '/editor/people', '/editor/subscribers', '/editor/account']) {
      const response = await page.goto(address);
      expect(response?.status(), address).toBe(200);
      await expect(page.getByRole('heading', { level: 1 }), address).toBeVisible();
    }
    expect(await violations()).toEqual([]);
  });
});
