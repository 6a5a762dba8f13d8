import { expect, type Page, test } from '@playwright/test';

import { clientAddress } from './helpers/client-address';
import { articles, site } from './helpers/content';
import { subscriberStatus } from './helpers/database';
import { linkTo, mailCount, waitForMail } from './helpers/mail';
import { newAddress, signUp } from './helpers/newsletter';

// Runs twice: with JavaScript (inline status), and in the "no-javascript" project (plain POSTs).
const newClient = (page: Page) => page.setExtraHTTPHeaders({ 'x-forwarded-for': clientAddress() });

test.beforeEach(async ({ page }) => {
  // Each test is its own client address, so the per-client limits of one test never hit another.
  await newClient(page);
});

test('sign up from an article, confirm by email, leave with one click', async ({ page, request }) => {
  const email = newAddress();
  await page.goto(`/articles/${articles[0]!.slug}`);
  await expect(await signUp(page, email)).toHaveText('Thanks! Check your inbox: we have sent you a link to confirm your subscription.');
  expect(await subscriberStatus(email)).toBe('pending');

  const [mail] = await waitForMail(email);
  expect(mail!.subject).toBe(`Confirm your subscription to ${site.name}`);
  expect(mail!.from?.value[0]).toMatchObject({ address: site.newsletter.fromAddress, name: site.newsletter.fromName });
  expect(mail!.html).toContain('Confirm my subscription');
  const header = (name: string) => mail!.headerLines.find((line) => line.key === name)?.line.replace(/^[^:]+:\s*/, '');
  expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
  const oneClick = new URL(header('list-unsubscribe')!.replace(/\s+/g, '').replace(/^<|>$/g, ''));
  expect(oneClick.pathname).toBe('/newsletter/unsubscribe/one-click');

  const confirmLink = linkTo(mail!, '/newsletter/confirm');
  expect(confirmLink.origin).toBe(site.url);
  // Opening the link, as a mail scanner would, changes nothing.
  await page.goto(confirmLink.pathname + confirmLink.search);
  expect(await subscriberStatus(email)).toBe('pending');
  await page.getByRole('button', { name: 'Confirm my subscription' }).click();
  await expect(page.getByRole('status')).toHaveText(`You are subscribed. The next newsletter will arrive at ${email}.`);
  expect(await subscriberStatus(email)).toBe('confirmed');

  // RFC 8058: the mail client POSTs to the List-Unsubscribe URL; a GET would only show a page.
  const get = await request.get(oneClick.pathname + oneClick.search, { maxRedirects: 0 });
  expect(get.status()).toBe(303);
  expect(await subscriberStatus(email)).toBe('confirmed');
  const post = await request.post(oneClick.pathname + oneClick.search, { form: { 'List-Unsubscribe': 'One-Click' } });
  expect(post.status()).toBe(200);
  expect(await subscriberStatus(email)).toBe('unsubscribed');
});

test('the unsubscribe link in the email asks for one click, then unsubscribes', async ({ page }) => {
  const email = newAddress();
  await page.goto('/newsletter');
  await expect(await signUp(page, email)).toContainText('Check your inbox');
  const [mail] = await waitForMail(email);
  const link = linkTo(mail!, '/newsletter/unsubscribe');
  await page.goto(link.pathname + link.search);
  await expect(page.getByText(`Stop sending the ${site.name} newsletter to ${email}?`)).toBeVisible();
  expect(await subscriberStatus(email)).toBe('pending');
  await page.getByRole('button', { name: 'Unsubscribe' }).click();
  await expect(page.getByRole('status')).toHaveText(`${email} is unsubscribed. We will not email you again.`);
  expect(await subscriberStatus(email)).toBe('unsubscribed');

  await page.goto('/newsletter');
  await expect(await signUp(page, email)).toContainText('Check your inbox');
  expect(await subscriberStatus(email)).toBe('pending');
  await waitForMail(email, 2);
});

test('a bad address is explained and nothing is stored', async ({ page }) => {
  await page.goto('/');
  for (const bad of ['not-an-address', 'reader@', '']) {
    const status = await signUp(page, bad);
    await expect(status).toHaveText(bad ? 'Enter a valid email address, like name@example.com.' : 'Enter your email address.');
    await expect(page.getByRole('region', { name: /newsletter/i }).getByLabel('Email address')).toHaveAttribute('aria-invalid', 'true');
  }
  expect(await subscriberStatus('not-an-address')).toBeUndefined();
});

test('the honeypot stores nothing and sends nothing', async ({ page }) => {
  const email = newAddress();
  await page.goto('/newsletter');
  await page.locator('input[name="website"]').evaluate((input: HTMLInputElement) => (input.value = 'https://spam.example'));
  await expect(await signUp(page, email)).toContainText('Check your inbox');
  expect(await subscriberStatus(email)).toBeUndefined();
  expect(await mailCount(email)).toBe(0);
});

test('repeated sign-ups of one address from anywhere neither lock it out nor send a second email within minutes', async ({ page }) => {
  const email = newAddress();
  // From several clients, past the per-address cap: only emails actually sent count towards it.
  for (let attempt = 1; attempt <= 6; attempt += 1) {
    await newClient(page);
    await page.goto('/newsletter');
    await expect(await signUp(page, email)).toContainText('Check your inbox');
  }
  expect(await mailCount(email)).toBe(1);
});

test('past a client\'s third sign-up in an hour: with JavaScript a proof of work runs and signs up, without it a clear "try again later"', async ({ page, javaScriptEnabled }) => {
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    await page.goto('/newsletter');
    await expect(await signUp(page, newAddress())).toContainText('Check your inbox');
    // Below the threshold a reader sees nothing new.
    await expect(page.locator('altcha-widget')).toHaveCount(0);
  }
  await page.goto('/newsletter');
  const email = newAddress();
  const status = await signUp(page, email);
  if (javaScriptEnabled) {
    // To the page that carries the widget; it solves the challenge and signs up on its own.
    await expect(page).toHaveURL('/newsletter/check');
    await expect(page.getByLabel('Email address')).toHaveValue(email);
    await expect(page.getByRole('status')).toHaveText('Thanks! Check your inbox: we have sent you a link to confirm your subscription.', { timeout: 60_000 });
    await waitForMail(email);
    expect(await subscriberStatus(email)).toBe('pending');
  } else {
    await expect(status).toHaveText('Too many sign-ups right now. Please try again later.');
    await expect(page.getByRole('region', { name: /newsletter/i }).getByLabel('Email address')).toBeVisible();
    expect(await subscriberStatus(email)).toBeUndefined();
    expect(await mailCount(email)).toBe(0);
  }
});
