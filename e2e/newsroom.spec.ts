import { randomUUID } from 'node:crypto';

import { expect, test } from '@playwright/test';

import { clientAddress } from './helpers/client-address';
import { database } from './helpers/database';
import { people, type RoleName, signIn, storageState } from './helpers/newsroom';

// Runs with JavaScript, and again in the "no-javascript" project: the essentials work either way.
const navFor: Record<RoleName, string[]> = {
  admin: ['Overview', 'Drafts', 'Review', 'Sections', 'Front page', 'Newsletter', 'Authors', 'People', 'Subscribers', 'Site settings', 'Your account'],
  editor: ['Overview', 'Drafts', 'Review', 'Sections', 'Front page', 'Newsletter', 'Authors', 'Your account'],
  contributor: ['Overview', 'Drafts', 'Your account'],
};

test.beforeEach(async ({ page }) => {
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': clientAddress() });
});

for (const role of ['admin', 'editor', 'contributor'] as const) {
  test.describe(`as ${role}`, () => {
    test.use({ storageState: storageState(role) });

    test('sees only what the role allows', async ({ page }) => {
      await page.goto('/editor');
      await expect(page.getByText(`Signed in as ${people[role].name}`)).toBeVisible();
      const nav = page.getByRole('navigation', { name: 'Newsroom' });
      await expect(nav.getByRole('link')).toHaveText([...navFor[role], 'View site']);
      for (const path of ['/editor/people', '/editor/subscribers']) {
        await page.goto(path);
        if (role === 'admin') {
          await expect(page).toHaveURL(path);
        } else {
          await expect(page).toHaveURL('/editor/not-allowed');
          await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your role does not include this page');
        }
      }
    });
  });
}

test.describe('as admin', () => {
  test.use({ storageState: storageState('admin') });

  test('searches and filters subscribers, and exports them as CSV', async ({ page }) => {
    const tag = randomUUID().slice(0, 8);
    await database()`insert into subscribers (email, status) values (${`first-${tag}@example.org`}, 'confirmed'), (${`second-${tag}@example.org`}, 'pending'), (${`=cmd-${tag}@example.org`}, 'pending')`;
    await page.goto('/editor/subscribers');
    await page.getByLabel('Search by email').fill(tag);
    await page.getByLabel('Status').selectOption('pending');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect(page).toHaveURL(new RegExp(`q=${tag}&status=pending`));
    await expect(page.getByText('2 subscribers match.')).toBeVisible();
    await expect(page.getByRole('rowheader', { name: `second-${tag}@example.org` })).toBeVisible();
    await expect(page.getByRole('rowheader', { name: `first-${tag}@example.org` })).toHaveCount(0);

    const exported = await page.request.get(`/editor/subscribers/export?q=${tag}`);
    expect(exported.status()).toBe(200);
    expect(exported.headers()['content-type']).toBe('text/csv; charset=utf-8');
    const csv = await exported.text();
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('email,status,created_at,confirmed_at,unsubscribed_at,name,source,suppressed');
    expect(lines).toHaveLength(4);
    expect(csv).toMatch(new RegExp(`first-${tag}@example\\.org,confirmed,[^,]+,,,,signup,\\r\\n`));
    // A value a spreadsheet would run as a formula is defused.
    expect(csv).toContain(`'=cmd-${tag}@example.org,pending,`);
  });

  test('deactivating a person signs them out on their next request', async ({ page, browser }) => {
    const temp = { name: `Tess Temp ${randomUUID().slice(0, 4)}`, email: `tess-${randomUUID().slice(0, 8)}@newsroom.example`, password: 'temporary password 123' };
    await page.goto('/editor/people');
    const form = page.locator('form', { has: page.getByRole('button', { name: 'Create account' }) });
    await form.getByLabel('Name').fill(temp.name);
    await form.getByLabel('Email address').fill(temp.email);
    await form.getByLabel('Temporary password').fill(temp.password);
    await form.getByRole('button', { name: 'Create account' }).click();
    await expect(form.getByRole('status')).toContainText(`Account created for ${temp.name}`);

    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const theirs = await context.newPage();
    await signIn(theirs, temp.email, temp.password);
    await expect(theirs.getByRole('heading', { level: 1 })).toHaveText(`Welcome, ${temp.name}`);

    await page.goto('/editor/people');
    await page.getByRole('button', { name: `Deactivate ${temp.name}` }).click();
    await expect(page.getByRole('row', { name: new RegExp(temp.name) })).toContainText('Deactivated');

    await theirs.goto('/editor/account');
    await expect(theirs).toHaveURL('/editor/login');
    await signIn(theirs, temp.email, temp.password);
    await expect(theirs.getByRole('status')).toHaveText('Wrong email or password.');
    await context.close();
  });
});

test('signing in refuses wrong passwords without saying whether the address exists, then throttles', async ({ page }) => {
  await signIn(page, people.editor.email, 'not the password at all');
  await expect(page.getByRole('status')).toHaveText('Wrong email or password.');
  // A fresh client address, so only the failures below count towards the limit.
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': clientAddress() });
  const unknown = `nobody-${randomUUID().slice(0, 8)}@newsroom.example`;
  // 5 free failures and a 6th that sets the first wait, then growing waits: no 15-minute wall.
  let wrong = 0;
  for (; wrong < 10; wrong += 1) {
    await signIn(page, unknown, 'not the password at all');
    await expect(page.getByRole('status')).toHaveText(/\S/);
    if ((await page.getByRole('status').textContent()) !== 'Wrong email or password.') break;
  }
  expect(wrong).toBeGreaterThanOrEqual(6);
  await expect(page.getByRole('status')).toHaveText(/^Too many attempts\. Try again in \d+ seconds?, or use a sign-in code\.$/);
});

test('a person signs in, changes their password, and signs out', async ({ page }) => {
  const person = { name: `Pat ${randomUUID().slice(0, 4)}`, email: `pat-${randomUUID().slice(0, 8)}@newsroom.example` };
  const { hash } = await import('@node-rs/argon2');
  await database()`insert into users (email, name, role, password_hash) values (${person.email}, ${person.name}, 'contributor', ${await hash('first password 123')})`;
  await signIn(page, person.email, 'first password 123');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Welcome, ${person.name}`);
  await page.goto('/editor/account');
  await page.getByLabel('Current password').fill('wrong current password');
  await page.getByLabel('New password', { exact: true }).fill('second password 456');
  await page.getByLabel('New password again').fill('second password 456');
  await page.getByRole('button', { name: 'Change password' }).click();
  const passwordForm = page.locator('form', { has: page.getByRole('button', { name: 'Change password' }) });
  await expect(passwordForm.getByRole('status')).toHaveText('Your current password is not right.');
  await page.getByLabel('Current password').fill('first password 123');
  await page.getByLabel('New password', { exact: true }).fill('second password 456');
  await page.getByLabel('New password again').fill('second password 456');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page).toHaveURL('/editor/login?notice=password-changed');
  await expect(page.getByText('Your password has been changed. Please sign in with the new one.')).toBeVisible();

  await signIn(page, person.email, 'second password 456');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Welcome, ${person.name}`);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL('/editor/login');
  await page.goto('/editor');
  await expect(page).toHaveURL('/editor/login');
});
