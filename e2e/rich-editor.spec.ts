import { type Browser, expect, type Page, test } from '@playwright/test';

import { parseMdx } from '@/lib/content/mdx-tree';
import { countWords } from '@/lib/content/reading-time';

import { expectNoAxeViolations } from './helpers/axe';
import { watchPolicyViolations } from './helpers/csp';
import { database } from './helpers/database';
import { storageState } from './helpers/newsroom';
import { caretToEnd, dropPicture, select } from './helpers/rich-editor';

// The draft body's rich editor: a reporter writes and formats without touching MDX, inserts the
// newsroom components from the toolbar, drops a picture in, and what is stored is exactly the MDX
// a writer would have typed. Without JavaScript the plain field still saves.

// Each test is a whole writing session on a 2-core machine shared with other runs.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

let draftUrl = '';

async function newDraft(browser: Browser, javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({ storageState: storageState('contributor'), javaScriptEnabled });
  const page = await context.newPage();
  await page.goto('/editor/drafts/new');
  await page.getByLabel('Title').fill(`Ferry back in service ${Date.now()}`);
  await page.getByRole('button', { name: 'Start draft' }).click();
  // The first draft page after a server starts waits for the untrusted-MDX workers (see drafts.spec.ts).
  await expect(page).toHaveURL(/\/editor\/drafts\/[0-9a-f-]{36}$/, { timeout: 20_000 });
  return page;
}

// The rich editor's own area (until it has loaded, the plain field has the same name).
const editable = (page: Page) => page.locator('.mdxeditor-root-contenteditable').getByRole('textbox', { name: 'Body', exact: true });
const field = (page: Page) => page.locator('textarea#draft-body');
// Autosave saves while the writer types, so which version Save makes depends on the pauses: any, with every change in it.
const SAVED = /^Saved at \d\d:\d\d as version \d+\.$/;
// Toolbar controls by their names: some are buttons, the toggles are radios of a toggle group.
const button = (page: Page, name: string) => page.getByRole('toolbar').getByLabel(name, { exact: true });

async function storedBody(url: string): Promise<string> {
  const id = url.split('/').pop()!;
  const [row] = await database()<{ body: string }[]>`select body from drafts where id = ${id}`;
  // Stored with LF whatever the form sent (a textarea's line breaks go as CRLF, HTML's rule).
  return row!.body;
}

const EXPECTED = [
  '**Ferry** services *resume* on Monday.',
  '## What changes',
  '- Earlier sailings\n- A later last boat',
  'See the [timetable](/category/transport).',
  '<PullQuote cite="Ann Lee, skipper">\n  The words being quoted.\n</PullQuote>',
  '<Callout title="How to have your say">\n  What readers should know.\n</Callout>',
].join('\n\n');

test('a reporter writes, formats and inserts components, and the stored MDX is exactly what a writer would type', async ({ browser }) => {
  const page = await newDraft(browser);
  draftUrl = new URL(page.url()).pathname;
  const violations = await watchPolicyViolations(page);
  await page.reload();
  const box = editable(page);
  await expect(box).toBeVisible();
  // The plain field is still in the form, hidden, and it is what the form posts.
  await expect(field(page)).toBeHidden();

  await box.click();
  await page.keyboard.type('Ferry services resume on Monday.');
  await select(box, 'Ferry');
  await button(page, 'Bold').click();
  await select(box, 'resume');
  await button(page, 'Italic').click();
  await expect(page.locator('#draft-body')).toHaveValue('**Ferry** services *resume* on Monday.');
  await expect(page.getByText('5 words · 1 min read')).toBeVisible();

  await caretToEnd(box);
  await page.keyboard.press('Enter');
  await button(page, 'Heading 2').click();
  await page.keyboard.type('What changes');
  await page.keyboard.press('Enter');
  await button(page, 'Bulleted list').click();
  await page.keyboard.type('Earlier sailings');
  await page.keyboard.press('Enter');
  await page.keyboard.type('A later last boat');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('See the timetable.');
  await select(box, 'timetable');
  await button(page, 'Create link').click();
  // MDXEditor's link dialog opens with its address field focused, named by its label.
  const address = page.getByRole('dialog', { name: 'Link' }).getByRole('textbox', { name: 'URL', exact: true });
  await expect(address).toBeFocused();
  await expectNoAxeViolations(page);
  await address.fill('/category/transport');
  await page.getByRole('button', { name: 'Set URL' }).click();

  await caretToEnd(box);
  await button(page, 'Insert pull quote').click();
  const quote = page.getByRole('group', { name: 'Pull quote' });
  await expect(quote).toBeVisible();
  await quote.getByLabel('Who said it').fill('Ann Lee, skipper');
  // The caret goes back to the text after the block, where the next one goes.
  await box.locator(':scope > p').last().click();
  await button(page, 'Insert callout').click();
  await expect(page.getByRole('group', { name: 'Callout' })).toBeVisible();
  // The live preview draws it too, as a note inside its region (a complementary landmark may not sit there).
  await expect(page.getByRole('region', { name: 'Live preview' }).getByRole('note', { name: 'How to have your say' })).toBeVisible();
  await expectNoAxeViolations(page);

  await expect(field(page)).toHaveValue(EXPECTED);
  const words = countWords(parseMdx(EXPECTED));
  await expect(page.getByText(`${words} words · 1 min read`)).toBeVisible();

  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.locator('#draft-form-status')).toHaveText(SAVED);
  expect(await storedBody(draftUrl)).toBe(EXPECTED);

  await page.reload();
  await expect(editable(page).locator('strong', { hasText: 'Ferry' })).toBeVisible();
  await expect(editable(page).getByRole('heading', { level: 2, name: 'What changes' })).toBeVisible();
  await expect(editable(page).getByRole('link', { name: 'timetable' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Pull quote' }).getByLabel('Who said it')).toHaveValue('Ann Lee, skipper');
  // Opening the draft does not rewrite it: the field holds the stored MDX, untouched.
  await expect(field(page)).toHaveValue(EXPECTED);
  expect(await violations()).toEqual([]);
  await page.context().close();
});

test('the source view edits the same MDX, and undo takes a change back', async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageState('contributor') });
  const page = await context.newPage();
  await page.goto(draftUrl);
  await expect(editable(page)).toBeVisible();

  await page.getByRole('radio', { name: 'Source mode' }).click();
  const source = page.locator('.cm-content');
  await expect(source).toContainText('<PullQuote cite="Ann Lee, skipper">');
  await source.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Written in the source view, with *emphasis*.');
  // The source view hands the form its text as typed.
  await expect.poll(() => field(page).inputValue()).toBe(`${EXPECTED}\n\nWritten in the source view, with *emphasis*.`);
  await page.getByRole('radio', { name: 'Rich text' }).click();
  await expect(editable(page).locator('em', { hasText: 'emphasis' })).toBeVisible();

  await caretToEnd(editable(page));
  // One input, so one step of history: typed key by key on a busy machine, pauses split it into several.
  await page.keyboard.insertText(' Extra words.');
  await expect(field(page)).toHaveValue(`${EXPECTED}\n\nWritten in the source view, with *emphasis*. Extra words.`);
  await button(page, 'Undo Ctrl+Z').click();
  await expect(field(page)).toHaveValue(`${EXPECTED}\n\nWritten in the source view, with *emphasis*.`);

  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.locator('#draft-form-status')).toHaveText(SAVED);
  expect(await storedBody(draftUrl)).toBe(`${EXPECTED}\n\nWritten in the source view, with *emphasis*.`);
  await context.close();
});

test('a picture dropped into the body is described, uploaded and inserted as a Figure', async ({ browser, request }) => {
  const context = await browser.newContext({ storageState: storageState('contributor') });
  const page = await context.newPage();
  await page.goto(draftUrl);
  const box = editable(page);
  await expect(box).toBeVisible();
  const before = await field(page).inputValue();

  // Cancel inserts nothing (and uploads nothing).
  await dropPicture(box);
  const dialog = page.getByRole('dialog', { name: 'Describe the picture' });
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(field(page)).toHaveValue(before);

  await dropPicture(box);
  await expect(dialog).toBeVisible();
  // The server's alt-text rules apply, and a refusal says why and keeps the dialog open.
  await dialog.getByLabel('Alt text').fill('Photo of the ferry at the quay');
  await dialog.getByRole('button', { name: 'Upload and insert' }).click();
  await expect(dialog.getByRole('alert')).toContainText('drop the leading "Image of" / "Photo of"');
  await dialog.getByLabel('Alt text').fill('The ferry tied up at the quay at dusk');
  await dialog.getByLabel('Caption (optional)').fill('Back in service on Monday');
  await dialog.getByRole('button', { name: 'Upload and insert' }).click();
  await expect(dialog).toBeHidden();
  const figure = page.getByRole('group', { name: 'Figure' });
  await expect(figure.getByLabel('Alt text')).toHaveValue('The ferry tied up at the quay at dusk');

  await expect(field(page)).toHaveValue(/<Figure src="\/media\/[0-9a-f-]{36}" alt="The ferry tied up at the quay at dusk" caption="Back in service on Monday" \/>/);
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.locator('#draft-form-status')).toHaveText(SAVED);
  const stored = await storedBody(draftUrl);
  const src = /<Figure src="(\/media\/[0-9a-f-]{36})" alt="The ferry tied up at the quay at dusk" caption="Back in service on Monday" \/>/.exec(stored)?.[1];
  expect(src).toBeTruthy();
  const served = await request.get(src!);
  expect(served.status()).toBe(200);
  expect(served.headers()['content-type']).toBe('image/jpeg');
  await context.close();
});

test('without JavaScript the body is the plain MDX field, and it saves', async ({ browser }) => {
  const page = await newDraft(browser, false);
  const body = '## Plain\n\nTyped **without** scripts.';
  await page.getByLabel('Body', { exact: true }).fill(body);
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.locator('#draft-form-status')).toHaveText(/^Saved at \d\d:\d\d as version 2\.$/);
  expect(await storedBody(new URL(page.url()).pathname)).toBe(body);
  await page.context().close();
});
