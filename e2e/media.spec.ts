import { randomUUID } from 'node:crypto';
import path from 'node:path';

import { expect, type Page, test } from '@playwright/test';

import { expectNoAxeViolations } from './helpers/axe';
import { clientAddress } from './helpers/client-address';
import { database } from './helpers/database';
import { people, type RoleName, storageState } from './helpers/newsroom';

const portrait = path.resolve('public/images/authors/priya-raman.jpg');
const bio = 'Reports on the council and the courts, and edits the weekend pages.';

test.beforeEach(async ({ page }) => {
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': clientAddress() });
});

async function pictureId(role: RoleName): Promise<string> {
  const rows = await database()<
    { id: string | null }[]
  >`select p.picture_image_id as id from author_profiles p join users u on u.id = p.user_id where u.email = ${people[role].email}`;
  const id = rows[0]?.id;
  if (!id) throw new Error(`${role} has no profile picture`);
  return id;
}

async function fillProfile(page: Page, slug: string) {
  await page.getByLabel('Profile address').fill(slug);
  await page.getByLabel('Bio').fill(bio);
  await page.getByLabel('Picture alt text').fill('Smiling at a desk in the newsroom');
}

test.describe('public profile and uploads, as admin', () => {
  test.describe.configure({ mode: 'serial' });
  test.use({ storageState: storageState('admin') });
  const slug = `ada-${randomUUID().slice(0, 8)}`;

  test('saves a profile with a picture', async ({ page }) => {
    await page.goto('/editor/account');
    await fillProfile(page, slug);
    await page.getByLabel('Profile picture').setInputFiles(portrait);
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Your public profile is saved.' })).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('Profile address')).toHaveValue(slug);
    await expect(page.getByLabel('Bio')).toHaveValue(bio);
    await expect(page.getByRole('img', { name: 'Smiling at a desk in the newsroom' })).toBeVisible();
  });

  test('refuses a text file named .png with a clear message and keeps what was typed', async ({ page }) => {
    await page.goto('/editor/account');
    await page.getByLabel('Bio').fill(`${bio} Also covers sport.`);
    await page.getByLabel('Profile picture').setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('These are notes, not a picture.') });
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect(page.getByRole('status').filter({ hasText: '“notes.png” is not a picture we can read. Upload a JPEG, PNG, WebP, AVIF or GIF picture.' })).toBeVisible();
    await expect(page.getByLabel('Profile picture')).toHaveAccessibleDescription(/not a picture we can read/);
    await expect(page.getByLabel('Bio')).toHaveValue(`${bio} Also covers sport.`);
    await expect(page.getByLabel('Profile address')).toHaveValue(slug);
  });

  test('warns about a file over 10 MB before sending it', async ({ page }) => {
    await page.goto('/editor/account');
    await page.getByLabel('Profile picture').setInputFiles({ name: 'huge.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(11 * 1024 * 1024) });
    await expect(page.getByText('The picture is 11.0 MB; the limit is 10 MB. Choose a smaller file.')).toBeVisible();
    // The browser itself refuses to submit the form while the file input is invalid.
    expect(await page.getByLabel('Profile picture').evaluate((input: HTMLInputElement) => input.validity.valid)).toBe(false);
  });

  test('an upload over the limit that skips the browser check ends on a page that says what to do', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto('/editor/account');
    const input = page.getByLabel('Profile picture');
    await input.setInputFiles({ name: 'huge.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(11.5 * 1024 * 1024) });
    // As an old or scripted browser would: Next refuses the request before the action runs.
    await input.evaluate((element: HTMLInputElement) => element.setCustomValidity(''));
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Your change was not saved' })).toBeVisible({ timeout: 60_000 });
    await expect(page.getByText('it may be larger than the 10 MB limit')).toBeVisible();
  });

  test('serves the upload with immutable caching and revalidation', async ({ request }) => {
    const id = await pictureId('admin');
    const response = await request.get(`/media/${id}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('image/jpeg');
    expect(response.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers()['x-content-type-options']).toBe('nosniff');
    const etag = response.headers()['etag']!;
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    expect((await request.get(`/media/${id}`, { headers: { 'If-None-Match': etag } })).status()).toBe(304);

    const optimised = await request.get(`/_next/image?url=${encodeURIComponent(`/media/${id}`)}&w=640&q=70`, { headers: { Accept: 'image/avif,image/webp,*/*' } });
    expect(optimised.status()).toBe(200);
    expect(optimised.headers()['content-type']).toBe('image/webp');
  });

  test('the account page passes axe', async ({ page }) => {
    await page.goto('/editor/account');
    await expect(page.getByRole('heading', { name: 'Public profile' })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

test('an unknown or malformed media id is a short 404', async ({ request }) => {
  for (const id of ['not-a-uuid', randomUUID()]) {
    const response = await request.get(`/media/${id}`);
    expect(response.status()).toBe(404);
    expect(await response.text()).toBe('No such image.\n');
  }
});

test.describe('public profile without JavaScript, as editor', () => {
  test.use({ storageState: storageState('editor'), javaScriptEnabled: false });

  test('saves, and a refused save keeps what was typed', async ({ page }) => {
    const slug = `ed-${randomUUID().slice(0, 8)}`;
    await page.goto('/editor/account');
    await fillProfile(page, slug);
    await page.getByLabel('Bio').fill('Too short.');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'The bio must be 20 to 600 characters; it is 10.' })).toBeVisible();
    await expect(page.getByLabel('Profile address')).toHaveValue(slug);
    await expect(page.getByLabel('Bio')).toHaveValue('Too short.');

    await page.getByLabel('Bio').fill(bio);
    await page.getByLabel('Profile picture').setInputFiles(portrait);
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Your public profile is saved.' })).toBeVisible();
    await page.goto('/editor/account');
    await expect(page.getByRole('img', { name: 'Smiling at a desk in the newsroom' })).toBeVisible();
    expect(await pictureId('editor')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
