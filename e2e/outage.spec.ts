import { readFileSync } from 'node:fs';

import { expect, test } from '@playwright/test';
import postgres from 'postgres';

import { firstArticle } from './helpers/content';
import { watchPolicyViolations } from './helpers/csp';

// The database goes away while the site runs. Runs last, in its own project (see
// playwright.config.ts), with JavaScript off: what it shows must need none.

test.describe.configure({ mode: 'serial' });
test.skip(!process.env.DATABASE_URL, 'an outage is simulated on PostgreSQL; the embedded database has no connection switch');

const MESSAGE = 'The newsroom is unavailable: the database cannot be reached. Readers can still read the site.';

const target = () => new URL(readFileSync(process.env.E2E_DB_URL_FILE!, 'utf8'));
let admin: postgres.Sql | undefined;

async function allowConnections(allow: boolean) {
  const url = target();
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  admin ??= postgres(url.href, { max: 1, onnotice: () => {} });
  // The app connects as a superuser, so CONNECTION LIMIT would not stop it; ALLOW_CONNECTIONS does.
  await admin.unsafe(`alter database "${name.replaceAll('"', '""')}" allow_connections ${allow}`);
  if (!allow) await admin`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${name} and pid <> pg_backend_pid()`;
}

test.beforeAll(async () => allowConnections(false));
test.afterAll(async () => {
  try {
    await allowConnections(true);
  } finally {
    await admin?.end();
  }
});

test('the newsroom says plainly that it is unavailable, with a 503 and no script', async ({ page, request }) => {
  const violations = await watchPolicyViolations(page);
  for (const address of ['/editor/login', '/editor', '/editor/drafts', '/editor/setup']) {
    const response = await page.goto(address);
    expect(response?.status(), address).toBe(503);
    expect(response?.headers()['x-content-type-options'], address).toBe('nosniff');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Newsroom unavailable');
    await expect(page.getByText(MESSAGE)).toBeVisible();
    await expect(page.getByRole('link', { name: 'Go to the site' })).toHaveAttribute('href', '/');
    expect(await page.locator('script').count(), address).toBe(0);
  }
  // Its one style element is allowed by its hash.
  expect(await violations()).toEqual([]);
  // A sign-in sent anyway gets the same answer, not a stack trace.
  const signIn = await request.post('/editor/login', { multipart: { email: 'someone@example.org', password: 'a password' }, maxRedirects: 0 });
  expect(signIn.status()).toBe(503);
  expect(await signIn.text()).toContain(MESSAGE);
});

test('the health check answers 503 and says the database is unreachable, uncached', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(503);
  expect(response.headers()['cache-control']).toBe('private, no-store');
  expect(await response.json()).toEqual({ status: 'unavailable', checks: { database: 'unreachable', migrations: 'unknown', queue: 'ok' } });
});

test('unknown reader addresses keep the complete static 404 page', async ({ page }) => {
  for (const address of ['/articles/not-in-content-or-newsroom', '/tag/no-such-tag', '/authors/no-such-author', '/category/council/page/99']) {
    const response = await page.goto(address);
    expect(response?.status(), address).toBe(404);
    await expect(page.getByRole('heading', { level: 1 }), address).toHaveText('We can’t find that page');
    await expect(page.getByRole('banner')).toBeVisible();
  }
});

test('reader pages from content/ keep working', async ({ page }) => {
  const article = firstArticle();
  for (const address of ['/', `/articles/${article.slug}`]) {
    const response = await page.goto(address);
    expect(response?.status(), address).toBe(200);
  }
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(article.title);
});

test('the newsroom is back as soon as the database is', async ({ page }) => {
  await allowConnections(true);
  await expect(async () => expect((await page.goto('/editor/login'))?.status()).toBe(200)).toPass({ timeout: 15_000 });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^(Sign in to|Set up) the newsroom$/);
  expect((await page.request.get('/api/health')).status()).toBe(200);
});
