import { randomUUID } from 'node:crypto';

import { expect, test } from '@playwright/test';

import { database, subscriberStatus } from './helpers/database';
import { mailCount } from './helpers/mail';
import { newAddress, signUp } from './helpers/newsletter';
import { startSecondServer } from './helpers/second-server';

// The suite's server trusts one proxy (the tests play it); this one trusts none, as `next start`
// does by default, and so must take the client's address from the connection.
let server: Awaited<ReturnType<typeof startSecondServer>>;
test.beforeAll(async () => {
  server = await startSecondServer({ TRUSTED_PROXY_HOPS: '0', NEWSLETTER_CHALLENGE_AFTER: '150' });
});
test.afterAll(async () => server?.stop());

// A client that writes a new address in every header a server might read.
const octet = () => Math.floor(Math.random() * 250) + 1;
const spoofed = () => ({ 'x-forwarded-for': `198.51.100.${octet()}`, 'x-broadsheet-peer': `203.0.113.${octet()}` });

test('with no trusted proxy, a client changing X-Forwarded-For on every sign-up is still one client', async ({ browser }) => {
  // Without JavaScript, so the client past the threshold is answered, not challenged.
  const context = await browser.newContext({ baseURL: server.url, javaScriptEnabled: false });
  const page = await context.newPage();
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    await page.setExtraHTTPHeaders(spoofed());
    await page.goto('/newsletter');
    await expect(await signUp(page, newAddress())).toContainText('Check your inbox');
  }
  const email = newAddress();
  await page.setExtraHTTPHeaders(spoofed());
  await page.goto('/newsletter');
  await expect(await signUp(page, email)).toHaveText('Too many sign-ups right now. Please try again later.');
  expect(await subscriberStatus(email)).toBeUndefined();
  expect(await mailCount(email)).toBe(0);
  await context.close();
});

test('with no trusted proxy, sign-in throttling (a route handler) also counts the connection, not the header', async ({ playwright }) => {
  const api = await playwright.request.newContext({ baseURL: server.url });
  const { csrfToken } = (await (await api.get('/api/auth/csrf')).json()) as { csrfToken: string };
  // A new address each time, so only the limit per client (all addresses together) counts these. Few
  // attempts: that count is the connection's, shared with every other test's sign-in from loopback.
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    const response = await api.post('/api/auth/callback/credentials', {
      form: { csrfToken, email: `nobody-${randomUUID().slice(0, 8)}@newsroom.example`, password: 'not the password at all' },
      headers: spoofed(),
      maxRedirects: 0,
    });
    expect(new URL(response.headers().location!).searchParams.get('code')).toBe('credentials');
  }
  const keys = (await database()`select key from rate_limits where key like 'login:client:%'`).map((row) => String(row.key));
  expect(keys).toContain('login:client:127.0.0.1');
  // Where clients go whose address is unknown: a server that could not read the connection.
  expect(keys).not.toContain('login:client:unknown');
  expect(keys.filter((key) => key.includes('198.51.100.') || key.includes('203.0.113.'))).toEqual([]);
  await api.dispose();
});
