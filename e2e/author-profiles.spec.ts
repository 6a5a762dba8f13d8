import { randomUUID } from 'node:crypto';
import path from 'node:path';

import { expect, test } from '@playwright/test';

import { expectNoAxeViolations } from './helpers/axe';
import { database } from './helpers/database';
import { storageState } from './helpers/newsroom';

// The Authors pages: editors and admins manage every profile, guests', partners' and other accounts'.

const logo = path.resolve('public/images/articles/lido.jpg');

test.describe('as editor', () => {
  test.use({ storageState: storageState('editor') });

  test('creates a partner profile without an account and edits it; its author page follows', async ({ page }) => {
    const slug = `the-new-region-${randomUUID().slice(0, 8)}`;
    await page.goto('/editor/authors');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'New profile' }).click();
    await page.getByLabel('Name').fill('The New Region');
    await page.getByLabel('Public address').fill(slug);
    await page.getByLabel('Kind').selectOption('partner');
    await page.getByLabel('Bio').fill('A regional news partner covering the valley towns.');
    await page.getByLabel('Picture', { exact: true }).setInputFiles(logo);
    await page.getByLabel('Picture alt text').fill('The lido on a summer morning');
    await page.getByLabel('Link 1: label').fill('Website');
    await page.getByLabel('Link 1: address').fill('https://newregion.example/');
    await page.getByRole('button', { name: 'Create profile' }).click();

    await expect(page.getByRole('status').filter({ hasText: 'Profile created.' })).toBeVisible();
    await expect(page.getByText('Not linked to a newsroom account.')).toBeVisible();
    await expect(page.getByRole('link', { name: `/authors/${slug}` })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByLabel('Bio').fill('A regional news partner covering the valley towns and the coast.');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'The New Region’s profile is saved.' })).toBeVisible();
    await page.goto(`/authors/${slug}`);
    await expect(page.getByText('the valley towns and the coast')).toBeVisible();

    await page.goto('/editor/authors');
    await expect(page.getByRole('row', { name: /The New Region/ }).filter({ hasText: slug })).toContainText('Ready');
  });
});

test.describe('as admin, without JavaScript', () => {
  test('edits the profile linked to another account, with field errors first', async ({ browser }) => {
    const sql = database();
    const [user] = await sql<{ id: string }[]>`insert into users (email, name, role, password_hash)
      values (${`linked-${randomUUID()}@newsroom.example`}, 'Lina Linked', 'contributor', 'x') returning id`;
    const [profile] = await sql<{ id: string }[]>`insert into author_profiles (slug, name, kind, user_id)
      values (${`lina-${randomUUID().slice(0, 8)}`}, 'Lina Linked', 'contributor', ${user!.id}) returning id`;

    const context = await browser.newContext({ storageState: storageState('admin'), javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`/editor/authors/${profile!.id}`);
    await expect(page.getByText('Linked to Lina Linked’s account')).toBeVisible();
    await page.getByLabel('Bio').fill('Covers the harbour, its boats and the fish market.');
    await page.getByLabel('Link 1: label').fill('Blog');
    await page.getByLabel('Link 1: address').fill('http://lina.example');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect(page.getByLabel('Link 1: address')).toHaveAccessibleDescription(/full https:\/\/ address/);
    await expect(page.getByLabel('Bio')).toHaveValue('Covers the harbour, its boats and the fish market.');

    await page.getByLabel('Link 1: address').fill('https://lina.example/');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Lina Linked’s profile is saved.' })).toBeVisible();
    const [saved] = await sql<{ bio: string; user_id: string }[]>`select bio, user_id from author_profiles where id = ${profile!.id}`;
    expect(saved).toEqual({ bio: 'Covers the harbour, its boats and the fish market.', user_id: user!.id });
    await context.close();
  });
});

test.describe('as contributor', () => {
  test.use({ storageState: storageState('contributor') });

  test('is refused the Authors pages and not offered them', async ({ page }) => {
    await page.goto('/editor/authors');
    await expect(page).toHaveURL(/\/editor\/not-allowed$/);
    await expect(page.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name: 'Authors' })).toHaveCount(0);
  });
});
