import path from 'node:path';

import { hash } from '@node-rs/argon2';
import { type Browser, expect, type Page, test } from '@playwright/test';

import { database } from './helpers/database';
import { bodyField, fillBody } from './helpers/draft-body';
import { ensureAuthorProfile } from './helpers/drafts';
import { type RoleName, signIn, storageState } from './helpers/newsroom';

// The whole life of one story, through the browser only: a contributor writes it with a hero image
// and submits it; an editor previews it, edits it over a colleague's change, publishes it; a reader
// finds and reads it; it is unpublished, and finally scheduled and published by the worker alone.
// The writer is an account of this spec, so its public profile cannot disturb other specs.

test.describe.configure({ mode: 'serial' });

const unique = Date.now().toString(36);
const writer = { name: `Wren Writer ${unique}`, email: `wren.${unique}@newsroom.example`, password: 'correct horse battery wren' };
const title = `Night buses return to the valley ${unique}`;
const NOT_FOUND = 'We can’t find that page';
let draftPath = '';
let slug = '';
// The story's co-author: the editor's profile, after the writer's own on the byline.
let coAuthor = '';
const credit = 'Additional reporting by Sam Lee';

async function pageAs(browser: Browser, role: RoleName): Promise<Page> {
  const context = await browser.newContext({ storageState: storageState(role) });
  return context.newPage();
}

/** Presses one of the publishing buttons (the action bar's or the publishing panel's) and waits for its answer. */
async function press(page: Page, button: string, answer: RegExp) {
  await page.getByRole('button', { name: button, exact: true }).click();
  // The answer stays where the button was, even when the button goes (Unpublish, once unpublished).
  await expect(page.getByRole('status').filter({ hasText: answer })).toBeVisible();
}

/** The wall-clock time in the newsroom's time zone, as a datetime-local field wants it. */
function newsroomTime(date: Date): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  })
    .format(date)
    .replace(' ', 'T');
}

test.beforeAll(async () => {
  coAuthor = (await ensureAuthorProfile()).name;
  await database()`
    insert into users (email, name, role, password_hash)
    values (${writer.email}, ${writer.name}, 'contributor', ${await hash(writer.password)})`;
});

test('a contributor with a public profile writes a story with a hero image and submits it', async ({ page }) => {
  await signIn(page, writer.email, writer.password);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Welcome, ${writer.name}`);
  await page.goto('/editor/account');
  await page.getByLabel('Profile address').fill(`wren-writer-${unique}`);
  await page.getByLabel('Bio').fill('Wren covers transport and the valley’s villages for the Ledger.');
  await page.getByLabel('Profile picture').setInputFiles(path.resolve('public/images/authors/priya-raman.jpg'));
  await page.getByLabel('Picture alt text').fill('Wren smiling in front of a bus shelter');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('Your public profile is saved.')).toBeVisible();

  await page.goto('/editor/drafts');
  await page.getByRole('link', { name: 'New draft' }).click();
  await page.getByLabel('Title').fill(title);
  await page.getByRole('button', { name: 'Start draft' }).click();
  await expect(page).toHaveURL(/\/editor\/drafts\/[0-9a-f-]{36}$/);
  draftPath = new URL(page.url()).pathname;
  slug = await page.getByLabel('Address').inputValue();

  await page.getByLabel('Standfirst').fill('Late services to the hill villages start again on Friday after a two-year gap.');
  await page.getByLabel('Category').selectOption('council');
  await page.getByLabel('Tags').fill('Transport, Night buses');
  await page.getByLabel('Hero image', { exact: true }).setInputFiles(path.resolve('public/images/articles/bus-depot.jpg'));
  await page.getByLabel('Hero image alt text').fill('Three double-decker buses parked in the depot at dusk');
  await page.getByLabel('Hero image credit').fill('Illustration: Ledger');
  // A new draft is under the writer's own profile; a co-author and a credit line follow it.
  await expect(page.getByLabel('Author 1')).toHaveValue(/[0-9a-f-]{36}/);
  await page.getByLabel('Author 2').selectOption({ label: `${coAuthor} (Staff)` });
  await page.getByLabel('Credit line').fill(credit);
  await fillBody(page, 'The last bus now leaves at midnight.\n\n## Who pays\n\nThe county council meets the cost for a year.');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.locator('#draft-form-status')).toHaveText(/^Saved at \d\d:\d\d as version \d+\.$/);
  // After the save the form shows what was saved, lists included, so the next save keeps them.
  await expect(page.getByLabel('Category')).toHaveValue('council');

  // Complete now: the live preview is the public article, with nothing left to fix.
  const preview = page.getByRole('region', { name: 'Live preview' });
  await expect(preview.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(preview).not.toContainText('Before this can be published');

  await page.getByRole('button', { name: 'Submit for review' }).click();
  await expect(page.getByRole('button', { name: 'Withdraw from review' })).toBeVisible();
  await page.context().close();
});

test('the editor finds it in the review queue and previews the full page; readers cannot see it', async ({ browser, request }) => {
  const page = await pageAs(browser, 'editor');
  await page.goto('/editor/review');
  await page.getByRole('link', { name: title }).click();
  await expect(page).toHaveURL(draftPath);
  await page.getByRole('link', { name: 'Open full-page preview' }).click();
  await expect(page).toHaveURL(`/articles/${slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByText(/not published/i).first()).toBeVisible();
  await expect(page.getByRole('img', { name: 'Three double-decker buses parked in the depot at dusk' })).toBeVisible();
  await page.context().close();

  const anonymous = await request.get(`/articles/${slug}`);
  expect(anonymous.status()).toBe(404);
  expect(await anonymous.text()).toContain(NOT_FOUND);

  // Another contributor cannot open it, and is told so rather than shown an empty page.
  const other = await pageAs(browser, 'contributor');
  await other.goto(draftPath);
  await expect(other).toHaveURL(/\/editor\/drafts\?missing/);
  await expect(other.getByRole('status').first()).toHaveText('That draft does not exist, or it is not one you can open.');
  await expect(other.getByRole('link', { name: title })).toHaveCount(0);
  await other.context().close();
});

test('an edit over a colleague’s newer save is refused, shown, and then saved on purpose', async ({ browser }) => {
  const editor = await pageAs(browser, 'editor');
  const admin = await pageAs(browser, 'admin');
  await editor.goto(draftPath);
  await admin.goto(draftPath);

  await admin.getByLabel('Standfirst').fill('Late services to the hill villages start again on Friday, the council confirmed.');
  await admin.getByRole('button', { name: 'Save draft' }).click();
  await expect(admin.locator('#draft-form-status')).toHaveText(/^Saved at \d\d:\d\d as version \d+\.$/);
  const theirs = Number(/version (\d+)/.exec((await admin.locator('#draft-form-status').textContent()) ?? '')?.[1]);

  const body = 'The last bus now leaves at midnight, and the first at five.\n\n## Who pays\n\nThe county council meets the cost for a year.';
  await fillBody(editor, body);
  await editor.getByRole('button', { name: 'Save draft' }).click();
  await expect(editor.getByText('This draft was changed by Ada Admin since you opened it.')).toBeVisible();
  await expect(bodyField(editor)).toHaveValue(body);
  await editor.getByRole('button', { name: 'Save mine over theirs' }).click();
  await expect(editor.locator('#draft-form-status')).toHaveText(new RegExp(`^Saved at \\d\\d:\\d\\d as version ${theirs + 1}\\.$`));
  await admin.context().close();
  await editor.context().close();
});

test('published, it is on the home and category pages and reads like any article; unpublished, it is gone', async ({ browser, page, request }) => {
  const editor = await pageAs(browser, 'editor');
  await editor.goto(draftPath);
  await press(editor, 'Publish now', /Published/);

  for (const listing of ['/', '/category/council']) {
    await page.goto(listing);
    await expect(page.getByRole('link', { name: title }).first(), listing).toBeVisible();
  }
  await page.getByRole('link', { name: title }).first().click();
  await expect(page).toHaveURL(`/articles/${slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.locator('.article__meta')).toContainText(/\d+ min read/);
  await expect(page.getByRole('img', { name: 'Three double-decker buses parked in the depot at dusk' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Who pays' })).toBeVisible();
  await expect(page.getByText('and the first at five')).toBeVisible();
  await expect(page.locator('.article__meta')).toContainText(`By ${writer.name} and ${coAuthor}`);
  await expect(page.locator('.article__meta')).toContainText(credit);
  await expect(page.getByRole('region', { name: writer.name })).toContainText('Contributor');
  await expect(page.getByRole('region', { name: coAuthor })).toContainText('Reporter');
  await expect(page.getByText(/not published/i)).toHaveCount(0);

  await editor.goto(draftPath);
  await press(editor, 'Unpublish', /Unpublished/);
  const gone = await request.get(`/articles/${slug}`);
  expect(gone.status()).toBe(404);
  expect(await gone.text()).toContain(NOT_FOUND);
  await page.goto('/');
  await expect(page.getByRole('link', { name: title })).toHaveCount(0);
  await editor.context().close();
});

test('scheduled, it goes live on time with nobody in the editor', async ({ browser, request }) => {
  const editor = await pageAs(browser, 'editor');
  await editor.goto(draftPath);
  await editor.getByLabel('Publish at').fill(newsroomTime(new Date(Date.now() + 8_000)));
  await press(editor, 'Schedule', /Version \d+ is scheduled for/);
  await editor.context().close();

  await expect.poll(async () => (await request.get(`/articles/${slug}`)).status(), { timeout: 60_000, intervals: [1_000] }).toBe(200);
  const [row] = await database()<{ status: string }[]>`select status from drafts where slug = ${slug}`;
  expect(row?.status).toBe('published');
});
