import { expect, test } from '@playwright/test';
import { decode, encode } from 'next-auth/jwt';

import { linkTo, waitForMail } from './helpers/mail';
import { signIn } from './helpers/newsroom';
import { attack, clientAddress, emailedCode, enterCode, seedPerson } from './helpers/sign-in';

// Sign-in under attack: an attacker who guesses an address's password slows it down, with growing
// waits, but can never keep its owner out: a trusted device or an emailed code still gets in.

const THROTTLED = /^Too many attempts\. Try again in \d+ seconds?, or use a sign-in code\.$/;

test.use({ storageState: { cookies: [], origins: [] } });

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled });

    test('an attacker slows an address down from one client; its owner there signs in with an emailed code', async ({ page, request }) => {
      const owner = await seedPerson();
      const ip = clientAddress();
      const waits = await attack(request, owner.email, ip);
      // Growing waits (2, 4, 8, 16 s, a second less when the server was slow to answer).
      expect(waits).toHaveLength(4);
      waits.forEach((wait, index) => expect(wait).toBeGreaterThanOrEqual(2 ** (index + 1) - 1));

      // The owner, behind the same address on a browser that never signed in, is slowed down too…
      await page.setExtraHTTPHeaders({ 'x-forwarded-for': ip });
      await signIn(page, owner.email, owner.password);
      await expect(page.getByRole('status')).toHaveText(THROTTLED);
      // …and signs in with a code sent to their address.
      await page.getByRole('link', { name: 'Email me a sign-in code instead' }).click();
      const code = await emailedCode(page, owner.email);
      await enterCode(page, code);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Welcome, ${owner.name}`);
    });
  });
}

test('a code works once, in the browser that asked for it; a wrong one says so without saying more', async ({ page, browser }) => {
  const owner = await seedPerson();
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': clientAddress() });
  const code = await emailedCode(page, owner.email);
  const elsewhere = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const other = await elsewhere.newPage();
  await other.goto('/editor/login/code');
  await enterCode(other, code);
  const status = /^That code is wrong, used or expired\. Check the latest email, or ask for a new code\.$/;
  await expect(other.locator('form', { has: other.getByLabel('Sign-in code') }).getByRole('status')).toHaveText(status);
  await elsewhere.close();

  await page.goto('/editor/login/code');
  await enterCode(page, code);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Welcome, ${owner.name}`);
});

test('the emailed link only shows a button, which signs in once, in any browser', async ({ page, browser }) => {
  const owner = await seedPerson();
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': clientAddress() });
  await emailedCode(page, owner.email);
  const [mail] = await waitForMail(owner.email);
  const link = linkTo(mail!, '/editor/login/code');

  const scanner = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const opened = await scanner.newPage();
  await opened.goto(link.pathname + link.search);
  await expect(opened.getByRole('heading', { level: 1 })).toHaveText('Finish signing in');
  await opened.goto('/editor');
  await expect(opened).toHaveURL('/editor/login');
  await opened.goto(link.pathname + link.search);
  await opened.getByRole('button', { name: 'Sign in' }).click();
  await expect(opened.getByRole('heading', { level: 1 })).toHaveText(`Welcome, ${owner.name}`);
  await scanner.close();

  await page.goto(link.pathname + link.search);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('status')).toHaveText(/^That code is wrong, used or expired\./);
});

test('the owner on a device that signed in before gets in with the password despite the attack', async ({ browser, request }) => {
  // The attack itself waits out growing backoffs (about 20 s), more than half the default budget.
  test.setTimeout(60_000);
  const owner = await seedPerson();
  const ip = clientAddress();
  const trustedContext = await browser.newContext({ storageState: { cookies: [], origins: [] }, extraHTTPHeaders: { 'x-forwarded-for': ip } });
  const trusted = await trustedContext.newPage();
  await signIn(trusted, owner.email, owner.password);
  await expect(trusted.getByRole('heading', { level: 1 })).toHaveText(`Welcome, ${owner.name}`);
  await trusted.getByRole('button', { name: 'Sign out' }).click();
  await expect(trusted).toHaveURL('/editor/login');

  await attack(request, owner.email, ip);
  const newContext = await browser.newContext({ storageState: { cookies: [], origins: [] }, extraHTTPHeaders: { 'x-forwarded-for': ip } });
  const untrusted = await newContext.newPage();
  await signIn(untrusted, owner.email, owner.password);
  await expect(untrusted.getByRole('status')).toHaveText(THROTTLED);
  await signIn(trusted, owner.email, owner.password);
  await expect(trusted.getByRole('heading', { level: 1 })).toHaveText(`Welcome, ${owner.name}`);
  // Still slowed down for everyone else from there: the attack was on all along.
  await signIn(untrusted, owner.email, owner.password);
  await expect(untrusted.getByRole('status')).toHaveText(THROTTLED);
  await Promise.all([trustedContext.close(), newContext.close()]);
});

test('signing out ends that session on the server: a copy of its cookie is refused, other sessions go on', async ({ browser }) => {
  const owner = await seedPerson();
  const contexts = await Promise.all(
    [0, 1].map(() => browser.newContext({ storageState: { cookies: [], origins: [] }, extraHTTPHeaders: { 'x-forwarded-for': clientAddress() } })),
  );
  const [laptop, phone] = await Promise.all(contexts.map((context) => context.newPage()));
  for (const page of [laptop!, phone!]) {
    await signIn(page, owner.email, owner.password);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Welcome, ${owner.name}`);
  }
  const copied = await contexts[0]!.cookies();
  expect(copied.some((cookie) => /authjs\.session-token/.test(cookie.name))).toBe(true);
  await laptop!.getByRole('button', { name: 'Sign out' }).click();
  await expect(laptop!).toHaveURL('/editor/login');

  const thief = await browser.newContext({ storageState: { cookies: copied, origins: [] } });
  const stolen = await thief.newPage();
  await stolen.goto('/editor');
  await expect(stolen).toHaveURL('/editor/login');
  await phone!.goto('/editor');
  await expect(phone!.getByRole('heading', { level: 1 })).toHaveText(`Welcome, ${owner.name}`);
  await Promise.all([thief.close(), ...contexts.map((context) => context.close())]);
});

test('behind an https proxy the session cookie has its __Secure- name, and the newsroom accepts it', async ({ browser, playwright, baseURL }) => {
  const owner = await seedPerson();
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, extraHTTPHeaders: { 'x-forwarded-for': clientAddress() } });
  const page = await context.newPage();
  await signIn(page, owner.email, owner.password);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Welcome, ${owner.name}`);
  const plain = (await context.cookies()).find((cookie) => cookie.name === 'authjs.session-token');
  // next-auth encrypts the session with its cookie's name as salt: over https it would have issued
  // this same session under the __Secure- name (X-Forwarded-Proto tells it the scheme).
  const secret = process.env.E2E_APP_SECRET!;
  const token = await decode({ token: plain!.value, secret, salt: 'authjs.session-token' });
  const secure = await encode({ token: token!, secret, salt: '__Secure-authjs.session-token' });
  const api = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const headers = { cookie: `__Secure-authjs.session-token=${secure}`, 'x-forwarded-proto': 'https', 'x-forwarded-for': clientAddress() };
  const answer = await api.get('/editor', { headers, maxRedirects: 0 });
  expect(answer.status()).toBe(200);
  expect(await answer.text()).toContain(`Signed in as <strong>${owner.name}</strong>`);
  await Promise.all([api.dispose(), context.close()]);
});
