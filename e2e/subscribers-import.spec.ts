import { randomUUID } from 'node:crypto';

import { expect, test } from '@playwright/test';

import { expectNoAxeViolations } from './helpers/axe';
import { clientAddress } from './helpers/client-address';
import { database, subscriberStatus } from './helpers/database';
import { linkTo, mailCount, waitForMail } from './helpers/mail';
import { newAddress, signUp } from './helpers/newsletter';
import { storageState } from './helpers/newsroom';

// Runs with JavaScript, and again in the "no-javascript" project: both steps are plain form posts.

test.beforeEach(async ({ page }) => {
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': clientAddress() });
});

test.describe('as admin', () => {
  test.use({ storageState: storageState('admin') });

  test('imports a CSV: a preview that writes nothing, then the import with consent, and no email to anyone', async ({ page, javaScriptEnabled }) => {
    const tag = randomUUID().slice(0, 8);
    const at = (name: string) => `${name}-${tag}@example.org`;
    await database()`insert into subscribers (email, status, unsubscribed_at) values (${at('left')}, 'unsubscribed', now())`;
    const csv = [
      'Email Address,First Name,Last Name,OPTIN_TIME,Status',
      `${at('ada')},Ada,Lovelace,2024-03-01 09:30:00,subscribed`,
      `${at('gus')},Gus,,,unsubscribed`,
      `${at('bob')},,,,cleaned`,
      `${at('left')},Lee,,,subscribed`,
      'not an address,,,,subscribed',
    ].join('\r\n');

    await page.goto('/editor/subscribers');
    await page.getByRole('link', { name: 'Import from CSV' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Import subscribers');
    await page.getByLabel('CSV file').setInputFiles({ name: 'mailchimp.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Preview the import' }).click();
    await expect(page.getByRole('status')).toHaveText('Preview of mailchimp.csv: nothing is imported until you confirm below.');
    const counts = page.locator('section[aria-labelledby="import-preview-title"] .stat-list');
    await expect(counts).toContainText('To add2');
    await expect(counts).toContainText('To suppress1');
    await expect(counts).toContainText('Skipped1');
    await expect(counts).toContainText('Bad rows1');
    const bad = page.getByRole('table', { name: /Bad rows/ });
    await expect(bad.getByRole('row', { name: /6 not an address/ })).toContainText('is not an email address');
    await expect(page.getByRole('table', { name: /Skipped/ })).toContainText('Unsubscribed here, and stays unsubscribed.');
    expect(await subscriberStatus(at('ada'))).toBeUndefined();
    // axe runs in the page, so only with JavaScript; the no-javascript run checks the same page works.
    if (javaScriptEnabled) await expectNoAxeViolations(page);

    await page.getByLabel('I hold these readers’ consent to email them').check();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(page.getByRole('status')).toHaveText(
      'Imported: 2 subscribers added, 0 subscribers updated, 1 address suppressed; the other rows were skipped. No confirmation email was sent.',
    );
    expect(await subscriberStatus(at('ada'))).toBe('confirmed');
    expect(await subscriberStatus(at('gus'))).toBe('unsubscribed');
    expect(await subscriberStatus(at('left'))).toBe('unsubscribed');
    const [ada] = await database()`select name, source, confirmed_at from subscribers where email = ${at('ada')}`;
    expect(ada).toEqual({ name: 'Ada Lovelace', source: 'import', confirmed_at: new Date('2024-03-01T09:30:00Z') });

    await page.goto(`/editor/subscribers?q=${tag}`);
    await expect(page.getByRole('row', { name: new RegExp(at('ada')) })).toContainText('Imported');
    await page.goto(`/editor/subscribers?view=suppressed&q=${tag}`);
    await expect(page.getByRole('row', { name: new RegExp(at('bob')) })).toContainText('Hard bounce');
    expect(await mailCount(at('ada'))).toBe(0);
  });

  test('a file that is not a subscriber list is explained, and nothing is written', async ({ page }) => {
    await page.goto('/editor/subscribers/import');
    await page.getByLabel('CSV file').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from('name,city\nAda,London\n') });
    await page.getByRole('button', { name: 'Preview the import' }).click();
    await expect(page.getByRole('status')).toContainText('No email column found.');
    await expect(page.getByRole('button', { name: 'Import', exact: true })).toHaveCount(0);
  });

  test('lists suppressed addresses and lifts one after a second click', async ({ page, javaScriptEnabled }) => {
    const email = `bounced-${randomUUID().slice(0, 8)}@example.org`;
    await database()`insert into subscribers (email, status, confirmed_at) values (${email}, 'confirmed', now())`;
    await database()`insert into email_suppressions (email, reason, detail) values (${email}, 'hard_bounce', '550 5.1.1 User unknown')`;
    await page.goto(`/editor/subscribers?q=${email}`);
    await expect(page.getByRole('row', { name: new RegExp(email) })).toContainText('confirmed, suppressed (hard bounce)');
    await page.getByRole('link', { name: 'Suppressed and bounced addresses' }).click();
    await page.getByLabel('Search by email').fill(email);
    await page.getByRole('button', { name: 'Filter' }).click();
    const row = page.getByRole('row', { name: new RegExp(email) });
    await expect(row).toContainText('550 5.1.1 User unknown');
    // axe runs in the page, so only with JavaScript; the no-javascript run checks the same page works.
    if (javaScriptEnabled) await expectNoAxeViolations(page);

    await row.getByText('Lift…').click();
    await row.getByRole('button', { name: `Lift the suppression of ${email}` }).click();
    await expect(page.getByRole('status').first()).toHaveText('The suppression is lifted: newsletters go to that address again if it is subscribed.');
    await expect(page.getByRole('row', { name: new RegExp(email) })).toHaveCount(0);
    expect(await database()`select 1 from email_suppressions where email = ${email}`).toHaveLength(0);
  });
});

for (const role of ['editor', 'contributor'] as const) {
  test.describe(`as ${role}`, () => {
    test.use({ storageState: storageState(role) });

    test('cannot open the import page', async ({ page }) => {
      await page.goto('/editor/subscribers/import');
      await expect(page).toHaveURL('/editor/not-allowed');
    });
  });
}

test('a reader who confirms gets the welcome email of the site settings, once', async ({ page }) => {
  const email = newAddress();
  await page.goto('/newsletter');
  await expect(await signUp(page, email)).toContainText('Check your inbox');
  const [confirmation] = await waitForMail(email);
  const link = linkTo(confirmation!, '/newsletter/confirm');
  await page.goto(link.pathname + link.search);
  await page.getByRole('button', { name: 'Confirm my subscription' }).click();
  await expect(page.getByRole('status')).toContainText('You are subscribed.');
  const [, welcome] = await waitForMail(email, 2);
  expect(welcome!.subject).toBe('Welcome to The Millbrook Ledger');
  expect(welcome!.text).toContain('Thank you for subscribing.');
  // Confirming again (the link is spent) sends nothing more.
  await page.goto(link.pathname + link.search);
  await page.getByRole('button', { name: 'Confirm my subscription' }).click();
  await expect(page.getByRole('status')).toContainText('already been used');
  expect(await mailCount(email)).toBe(2);
});
