import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import { type Browser, type BrowserContext, expect, type Locator, type Page, test } from '@playwright/test';

import { expectNoAxeViolations } from './helpers/axe';
import { database } from './helpers/database';
import { bodyField } from './helpers/draft-body';
import { seedReadyDraft } from './helpers/drafts';
import { people, type RoleName, signIn, storageState } from './helpers/newsroom';
import { sendsOfThisFile } from './helpers/sends';
import { seedPerson } from './helpers/sign-in';

// The writing desk (drafts/[id]): its layout at a laptop's and a phone's size, autosave and what it
// keeps when saving fails, and the defects issue 13 measured, each checked where it showed.

const seedSend = sendsOfThisFile();

async function deskAs(browser: Browser, role: RoleName, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ storageState: storageState(role), viewport });
  return context.newPage();
}

// Where the writer types the body: the rich editor's content area, named by the field's label "Body"
// (the plain field of that name, which the form posts, is hidden once the editor has loaded).
const editor = (page: Page) => page.locator('[contenteditable="true"]').and(page.getByRole('textbox', { name: 'Body', exact: true }));
const status = (page: Page) => page.locator('#draft-form-status');
const bar = (page: Page) => page.getByRole('region', { name: 'Draft actions' });
const SAVED = (version: number) => new RegExp(`^Saved at \\d\\d:\\d\\d as version ${version}\\.`);

/** The draft as stored. */
async function versionOf(id: string): Promise<{ version: number; body: string; title: string; hero_image_id: string | null }> {
  const [row] = await database()<{ version: number; body: string; title: string; hero_image_id: string | null }[]>`
    select version, body, title, hero_image_id from drafts where id = ${id}`;
  return row!;
}

/** What this browser keeps of the draft until it is saved, for whoever typed it (see components/editor/unsaved-copy.ts). */
const keptCopy = (page: Page, id: string) =>
  page.evaluate((draftId) => {
    const key = Object.keys(localStorage).find((name) => name.startsWith('broadsheet:unsaved-draft:') && name.endsWith(`:${draftId}`));
    return key ? localStorage.getItem(key) : null;
  }, id);

async function userIdOf(role: RoleName): Promise<string> {
  const [row] = await database()<{ id: string }[]>`select id from users where email = ${people[role].email}`;
  return row!.id;
}

/** Puts the caret at the end of the body in the rich editor, as a writer would, ready to type. */
async function typeAtEnd(page: Page, text: string, { newParagraph = false } = {}) {
  await editor(page).click();
  await page.keyboard.press('ControlOrMeta+End');
  if (newParagraph) await page.keyboard.press('Enter');
  await page.keyboard.type(text);
}

/** The field's room for text, and the width of 60 characters of English prose in its own font. */
async function measureColumn(field: Locator) {
  return field.evaluate(async (element) => {
    await document.fonts.ready;
    const style = getComputedStyle(element);
    const context = document.createElement('canvas').getContext('2d')!;
    context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const sample = 'Late services to the hill villages start again on Friday after a two-year gap.'.slice(0, 60);
    const room = element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return { room, sixty: context.measureText(sample).width, sampleLength: sample.length, family: style.fontFamily, size: parseFloat(style.fontSize) };
  });
}

const box = async (locator: Locator) => (await locator.boundingBox())!;

/** Autosave's requests (the server action's fields carry a prefix, such as "_1_autosave"). */
const isAutosave = (postData: string | null) => /name="_?\d*_?autosave"/.test(postData ?? '');

/** A ready draft that `role` started (credited to the editor's profile, so no account gains one here). */
async function draftOf(role: RoleName) {
  const draft = await seedReadyDraft();
  await database()`update drafts set created_by = (select id from users where email = ${people[role].email}) where id = ${draft.id}`;
  return draft;
}

test.describe('the desk at 1280×900', () => {
  test('a wide body in a writer’s font, the preview beside it in the article’s type, metadata at the side, actions on top', async ({ browser }) => {
    const draft = await draftOf('admin');
    // Scheduled (as a schedule leaves it, with no job queued), so "Cancel schedule" applies; never published.
    await database()`update drafts set status = 'scheduled', scheduled_for = now() + interval '30 days' where id = ${draft.id}`;
    const page = await deskAs(browser, 'admin');
    await page.goto(`/editor/drafts/${draft.id}`);
    await expect(editor(page)).toBeVisible();

    const column = await measureColumn(editor(page));
    console.log(
      `1280×900: body column ${column.room.toFixed(0)} px for text; 60 characters of ${column.family.split(',')[0]} at ${column.size} px take ${column.sixty.toFixed(0)} px (${((60 * column.room) / column.sixty).toFixed(0)} characters fit)`,
    );
    expect(column.sampleLength).toBe(60);
    expect(column.room).toBeGreaterThanOrEqual(column.sixty);
    expect(column.family).not.toMatch(/monospace/);
    expect(column.size).toBeGreaterThanOrEqual(16);
    // The title is large, in the article's serif.
    const title = await page.getByLabel('Title').evaluate((element) => ({ size: parseFloat(getComputedStyle(element).fontSize), family: getComputedStyle(element).fontFamily }));
    expect(title.size).toBeGreaterThanOrEqual(28);
    expect(title.family).toContain('Georgia');

    // The preview is beside the body, and the metadata beside the preview.
    const preview = page.getByRole('region', { name: 'Live preview' });
    const [bodyBox, previewBox, addressBox] = [await box(editor(page)), await box(preview), await box(page.getByLabel('Address', { exact: true }))];
    expect(previewBox.x).toBeGreaterThanOrEqual(bodyBox.x + bodyBox.width);
    expect(previewBox.y).toBeLessThan(bodyBox.y + bodyBox.height);
    expect(addressBox.x).toBeGreaterThanOrEqual(previewBox.x + previewBox.width);
    await expect(preview).toBeInViewport();

    // The preview is set like the article readers get.
    const previewFont = await preview
      .locator('.prose p')
      .first()
      .evaluate((element) => getComputedStyle(element).fontFamily);
    const reader = await page.context().newPage();
    await reader.goto('/articles/high-street-vacancies-fall');
    expect(previewFont).toBe(
      await reader
        .locator('.prose p')
        .first()
        .evaluate((element) => getComputedStyle(element).fontFamily),
    );
    await reader.close();

    // An admin's own draft leads with Publish now, not "Submit for review", in the bar above everything.
    const buttons = bar(page).getByRole('button');
    await expect(buttons.first()).toHaveText('Publish now');
    await expect(page.getByRole('button', { name: 'Submit for review' })).toHaveCount(0);
    expect((await box(buttons.first())).y).toBeLessThan(previewBox.y);
    // Destructive only when it applies: scheduled, so Cancel schedule; never published, so no Unpublish.
    await expect(bar(page).getByRole('button', { name: 'Unpublish' })).toHaveCount(0);
    const publish = page.getByRole('button', { name: 'Publish now', exact: true });
    const cancel = bar(page).getByRole('button', { name: 'Cancel schedule' });
    const schedule = page.getByRole('button', { name: 'Schedule', exact: true });
    const look = (button: Locator) =>
      button.evaluate((element) => `${getComputedStyle(element).backgroundColor} ${getComputedStyle(element).color} ${getComputedStyle(element).borderColor}`);
    const looks = new Set([await look(publish), await look(cancel), await look(schedule)]);
    expect(looks.size).toBe(3);
    const destructive = await cancel.evaluate((element) => getComputedStyle(element).color);
    const accent = await page.evaluate(() => {
      const probe = document.createElement('span');
      probe.style.color = 'var(--accent)';
      document.body.append(probe);
      const color = getComputedStyle(probe).color;
      probe.remove();
      return color;
    });
    expect(destructive).toBe(accent);

    // The save status sits beside Save, on its line, and is announced.
    const save = await box(page.getByRole('button', { name: 'Save draft' }));
    const line = await box(status(page));
    expect(Math.abs(line.y + line.height / 2 - (save.y + save.height / 2))).toBeLessThan(save.height);
    expect(line.x - (save.x + save.width)).toBeLessThan(40);
    await expect(status(page)).toHaveAttribute('role', 'status');
    await expect(status(page)).toHaveText(/^Saved \d+ \w+ \d{4}, \d\d:\d\d [A-Z]+ as version 1\.$/);

    // "Featured": a checkbox of its own size, on the line of its label.
    const featured = await box(page.getByLabel('Featured on the home page'));
    const label = await box(page.locator('label[for="draft-featured"]'));
    expect(featured.width).toBeLessThan(40);
    expect(featured.x + featured.width).toBeLessThanOrEqual(label.x);
    expect(Math.abs(featured.y + featured.height / 2 - (label.y + label.height / 2))).toBeLessThan(label.height / 2);

    await expectNoAxeViolations(page);
    await page.context().close();
  });

  test('a contributor’s draft leads with Submit for review, and offers nothing that only editors may do', async ({ browser }) => {
    const draft = await draftOf('contributor');
    const page = await deskAs(browser, 'contributor');
    await page.goto(`/editor/drafts/${draft.id}`);
    await expect(bar(page).getByRole('button').first()).toHaveText('Submit for review');
    for (const name of ['Publish now', 'Unpublish', 'Cancel schedule', 'Schedule']) await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
    await page.context().close();
  });
});

test('at 390×844 Publish comes before the preview, which opens on request', async ({ browser }) => {
  const draft = await draftOf('admin');
  const page = await deskAs(browser, 'admin', { width: 390, height: 844 });
  await page.goto(`/editor/drafts/${draft.id}`);
  const publish = page.getByRole('button', { name: 'Publish now', exact: true });
  await expect(publish).toBeInViewport();
  const preview = page.getByRole('region', { name: 'Live preview' });
  await expect(preview).toBeHidden();
  const toggle = page.getByText('Show the live preview');
  expect((await box(publish)).y + (await box(publish)).height).toBeLessThan((await box(toggle)).y);
  await toggle.click();
  await expect(preview).toBeVisible();
  expect((await box(publish)).y).toBeLessThan((await box(preview)).y);
  await expect(editor(page)).toBeVisible();
  const column = await measureColumn(editor(page));
  console.log(`390×844: body column ${column.room.toFixed(0)} px for text (${((60 * column.room) / column.sixty).toFixed(0)} characters of ${column.size} px type)`);
  expect(column.family).not.toMatch(/monospace/);
  // No sideways scrolling on a phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectNoAxeViolations(page);
  await page.context().close();
});

test('without JavaScript the desk still saves from the bar, and the preview switch still works', async ({ browser }) => {
  const draft = await seedReadyDraft();
  const context = await browser.newContext({ storageState: storageState('editor'), javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(`/editor/drafts/${draft.id}`);
  await page.getByLabel('Standfirst').fill('Typed on a phone with scripts turned off, and saved from the bar.');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(status(page)).toHaveText(SAVED(2));
  expect((await versionOf(draft.id)).version).toBe(2);
  const preview = page.getByRole('region', { name: 'Live preview' });
  await expect(preview).toBeHidden();
  await page.getByText('Show the live preview').click();
  await expect(preview.getByText('Typed on a phone with scripts turned off, and saved from the bar.')).toBeVisible();
  await context.close();
});

test.describe('autosave', () => {
  test('saves after a pause, keeps what is typed during the save, and leaves the cursor where it was', async ({ browser }) => {
    const draft = await seedReadyDraft();
    const page = await deskAs(browser, 'editor');
    const url = `/editor/drafts/${draft.id}`;
    await page.goto(url);
    await expect(status(page)).toHaveText(/as version 1\.$/);
    await expect(editor(page)).toBeVisible();

    // Every save answer is held back a second and a half, so typing goes on while a save is out.
    let saves = 0;
    await page.route(`**${url}`, async (route) => {
      if (route.request().method() === 'POST' && isAutosave(route.request().postData())) {
        saves += 1;
        await new Promise((resolve) => setTimeout(resolve, 1500));
      }
      await route.continue();
    });
    await typeAtEnd(page, ' First words.');
    await expect(status(page)).toHaveText('Unsaved changes');
    await expect(status(page)).toHaveText('Saving…', { timeout: 4000 });
    await page.keyboard.type(' Typed while saving.');
    await expect(status(page)).toHaveText(SAVED(3), { timeout: 15_000 });
    expect(saves).toBe(2);

    const saved = await versionOf(draft.id);
    expect(saved.version).toBe(3);
    expect(saved.body).toMatch(/ First words\. Typed while saving\.$/);
    await expect(bodyField(page)).toHaveValue(saved.body);
    // Focus stayed in the editor, and typing goes on where the caret was: at the end of what was typed.
    expect(await editor(page).evaluate((element) => element.contains(document.activeElement))).toBe(true);
    await page.keyboard.type(' Typed after the save.');
    await expect(status(page)).toHaveText(SAVED(4), { timeout: 15_000 });
    expect((await versionOf(draft.id)).body).toMatch(/ First words\. Typed while saving\. Typed after the save\.$/);
    await expect(editor(page)).toContainText('First words. Typed while saving. Typed after the save.');
    await page.context().close();
  });

  test('Ctrl+S saves at once, with the hero image, which autosave never uploads', async ({ browser }) => {
    const draft = await seedReadyDraft();
    const page = await deskAs(browser, 'editor');
    await page.goto(`/editor/drafts/${draft.id}`);
    const before = await versionOf(draft.id);

    await page.getByLabel('Hero image', { exact: true }).setInputFiles(path.resolve('public/images/articles/lido.jpg'));
    await page.getByLabel('Hero image alt text').fill('The lido’s blue pool under a clear sky');
    await expect(status(page)).toHaveText(/^Saved at \d\d:\d\d as version 2\. The new hero image is uploaded when you press Save\.$/, { timeout: 15_000 });
    expect((await versionOf(draft.id)).hero_image_id).toBe(before.hero_image_id);

    // The browser's own "Save page as…" is kept away.
    await page.evaluate(() => window.addEventListener('keydown', (event) => document.body.setAttribute('data-save-prevented', String(event.defaultPrevented))));
    await page.getByLabel('Title').click();
    await page.keyboard.press('ControlOrMeta+s');
    await expect(status(page)).toHaveText(SAVED(3));
    await expect(page.locator('body')).toHaveAttribute('data-save-prevented', 'true');
    const after = await versionOf(draft.id);
    expect(after.version).toBe(3);
    expect(after.hero_image_id).not.toBe(before.hero_image_id);
    await expect(page.getByLabel('Hero image', { exact: true })).toHaveValue('');
    await page.context().close();
  });

  test('when the network fails, the text is kept in the browser and offered back on the next visit', async ({ browser }) => {
    const draft = await seedReadyDraft();
    const page = await deskAs(browser, 'editor');
    const url = `/editor/drafts/${draft.id}`;
    await page.goto(url);
    await expect(editor(page)).toBeVisible();
    await page.route(`**${url}`, (route) => (route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.continue()));
    await typeAtEnd(page, 'Written on a train with no signal.', { newParagraph: true });
    await expect(status(page)).toHaveText('Not saved: the server could not be reached — your text is kept in this browser.', { timeout: 15_000 });
    const typed = await bodyField(page).inputValue();
    expect(typed).toBe(`${(await versionOf(draft.id)).body}\n\nWritten on a train with no signal.`);
    expect((await versionOf(draft.id)).version).toBe(1);

    await page.unroute(`**${url}`);
    // Leaving asks first (the text is not saved); here the writer leaves anyway.
    page.on('dialog', (dialog) => void dialog.accept());
    await page.reload();
    await expect(page.getByRole('heading', { name: /^You have unsaved text from / })).toBeVisible();
    await expect(editor(page)).toBeVisible();
    await expect(editor(page)).not.toContainText('Written on a train');
    await expect(bodyField(page)).toHaveValue((await versionOf(draft.id)).body);
    await page.getByRole('button', { name: 'Restore' }).click();
    // Back in the rich editor, where it was typed, and in the field the form posts.
    await expect(editor(page).getByText('Written on a train with no signal.', { exact: true })).toBeVisible();
    await expect(bodyField(page)).toHaveValue(typed);
    await expect(status(page)).toHaveText(SAVED(2), { timeout: 15_000 });
    expect((await versionOf(draft.id)).body).toBe(typed);
    expect(await keptCopy(page, draft.id)).toBeNull();
    await page.reload();
    await expect(page.getByRole('heading', { name: /^You have unsaved text/ })).toHaveCount(0);
    await page.context().close();
  });

  test('each change is kept in this browser at once: a tab closed before its autosave loses nothing', async ({ browser }) => {
    const draft = await seedReadyDraft();
    const page = await deskAs(browser, 'editor');
    const url = `/editor/drafts/${draft.id}`;
    await page.goto(url);
    await expect(editor(page)).toBeVisible();
    // Saves are held, never answered: whatever is kept, no failed save put it there.
    let saves = 0;
    await page.route(`**${url}`, (route) => {
      if (route.request().method() === 'POST' && isAutosave(route.request().postData())) saves += 1;
      else void route.continue();
    });
    await typeAtEnd(page, 'Typed just before the tab was closed.', { newParagraph: true });
    await expect.poll(() => keptCopy(page, draft.id)).toContain('Typed just before the tab was closed.');
    const typed = await bodyField(page).inputValue();
    expect(JSON.parse((await keptCopy(page, draft.id))!)).toMatchObject({ draftId: draft.id, baseVersion: 1, values: { body: typed } });
    await expect(status(page)).not.toHaveText(/^Not saved/);
    await page.close();
    expect((await versionOf(draft.id)).version).toBe(1);
    console.log(`closed with ${saves} autosave(s) sent and none answered`);

    const again = await page.context().newPage();
    await again.goto(url);
    await expect(again.getByRole('heading', { name: /^You have unsaved text from / })).toBeVisible();
    await expect(editor(again)).toBeVisible();
    await again.getByRole('button', { name: 'Restore' }).click();
    await expect(editor(again).getByText('Typed just before the tab was closed.', { exact: true })).toBeVisible();
    await expect(status(again)).toHaveText(SAVED(2), { timeout: 15_000 });
    expect((await versionOf(draft.id)).body).toBe(typed);
    expect(await keptCopy(again, draft.id)).toBeNull();
    await again.context().close();
  });

  test('a kept copy is its writer’s alone: another person signed in on this browser is not offered it, and signing out removes it', async ({ browser }) => {
    const draft = await seedReadyDraft();
    // A person of its own: signing out ends their session, which no other test shares.
    const person = await seedPerson();
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, person.email, person.password);
    await expect(page).toHaveURL(/\/editor$/);
    const url = `/editor/drafts/${draft.id}`;
    await page.goto(url);
    await expect(editor(page)).toBeVisible();
    // Saves are held, never answered, so the copy stays.
    await page.route(`**${url}`, (route) => {
      if (route.request().method() !== 'POST' || !isAutosave(route.request().postData())) void route.continue();
    });
    await typeAtEnd(page, 'Only its writer may see this.', { newParagraph: true });
    await expect.poll(() => keptCopy(page, draft.id)).toContain('Only its writer may see this.');

    // The admin signs in on the same browser: their session cookie replaces the writer's.
    const writerCookies = await context.cookies();
    const admin = JSON.parse(readFileSync(storageState('admin'), 'utf8')) as { cookies: Parameters<BrowserContext['addCookies']>[0] };
    await context.addCookies(admin.cookies);
    const other = await context.newPage();
    await other.goto(url);
    await expect(editor(other)).toBeVisible();
    await expect(other.getByText(`Signed in as ${people.admin.name}`)).toBeVisible();
    await expect(other.getByRole('heading', { name: /^You have unsaved text/ })).toHaveCount(0);
    expect(await keptCopy(other, draft.id)).toContain('Only its writer may see this.');
    await other.close();

    // The writer again, signing out: asked first, since the text is not saved, then it is gone.
    // Its saves stay held: one let through now would save the text, and rightly nothing would be asked.
    await context.addCookies(writerCookies);
    await page.goto('/editor');
    // A click before React has attached the form's handler would sign out without asking.
    await expect.poll(() => page.locator('form:has(button:text-is("Sign out"))').evaluate((form) => Object.keys(form).some((key) => key.startsWith('__reactProps')))).toBe(true);
    let asked = '';
    page.once('dialog', (dialog) => {
      asked = dialog.message();
      void dialog.accept();
    });
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/editor\/login/);
    expect(asked).toContain('not saved yet');
    expect(await keptCopy(page, draft.id)).toBeNull();
    await context.close();
  });

  test('a copy that matches the saved draft is not offered', async ({ browser }) => {
    const draft = await seedReadyDraft();
    const page = await deskAs(browser, 'editor');
    const url = `/editor/drafts/${draft.id}`;
    await page.goto(url);
    await expect(editor(page)).toBeVisible();
    await typeAtEnd(page, ' Saved in time.');
    await expect.poll(() => keptCopy(page, draft.id)).toContain('Saved in time.');
    await expect(status(page)).toHaveText(SAVED(2), { timeout: 15_000 });
    expect(await keptCopy(page, draft.id)).toBeNull();
    // A copy left behind (a tab closed between the save and its answer) that says what is saved.
    const saved = await versionOf(draft.id);
    await page.evaluate(
      ({ id, writerId, body }) => {
        const form = document.getElementById('draft-form') as HTMLFormElement;
        const values = Object.fromEntries([...new FormData(form)].filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
        localStorage.setItem(`broadsheet:unsaved-draft:${writerId}:${id}`, JSON.stringify({ writerId, draftId: id, baseVersion: 1, at: Date.now(), values: { ...values, body } }));
      },
      { id: draft.id, writerId: await userIdOf('editor'), body: saved.body },
    );
    await page.reload();
    await expect(editor(page)).toBeVisible();
    await expect(page.getByRole('heading', { name: /^You have unsaved text/ })).toHaveCount(0);
    expect(await keptCopy(page, draft.id)).toBeNull();
    await page.context().close();
  });

  test('a colleague’s newer save stops autosave: the conflict is shown, the text stays, and saving over it is a choice', async ({ browser }) => {
    const draft = await seedReadyDraft();
    const mine = await deskAs(browser, 'editor');
    const theirs = await deskAs(browser, 'admin');
    const url = `/editor/drafts/${draft.id}`;
    await mine.goto(url);
    await theirs.goto(url);
    await expect(editor(mine)).toBeVisible();

    await theirs.getByLabel('Standfirst').fill('The admin’s standfirst, saved first.');
    await theirs.getByRole('button', { name: 'Save draft' }).click();
    await expect(status(theirs)).toHaveText(SAVED(2));

    await typeAtEnd(mine, 'My body, typed over version 1.', { newParagraph: true });
    await expect(status(mine)).toContainText(`Not saved: This draft was changed by ${people.admin.name} since you opened it.`, { timeout: 15_000 });
    await expect(status(mine)).toContainText('your text is kept in this browser');
    const sides = mine.getByRole('table', { name: 'Fields that differ between your version and the current version' });
    await expect(sides.getByRole('row', { name: /Standfirst/ })).toContainText('The admin’s standfirst, saved first.');
    await expect(editor(mine).getByText('My body, typed over version 1.', { exact: true })).toBeVisible();
    const typed = await bodyField(mine).inputValue();
    expect(typed).toMatch(/\n\nMy body, typed over version 1\.$/);

    // Stopped: more typing sends no save until the writer chooses.
    let saves = 0;
    mine.on('request', (request) => {
      if (request.method() === 'POST' && isAutosave(request.postData())) saves += 1;
    });
    await typeAtEnd(mine, ' And more.');
    await mine.waitForTimeout(3500);
    expect(saves).toBe(0);
    expect((await versionOf(draft.id)).version).toBe(2);

    await mine.getByRole('button', { name: 'Save mine over theirs' }).click();
    await expect(status(mine)).toHaveText(SAVED(3));
    expect((await versionOf(draft.id)).body).toBe(`${typed} And more.`);
    await expect(editor(mine).getByText('My body, typed over version 1. And more.', { exact: true })).toBeVisible();
    await expect(mine.getByRole('table', { name: /Fields that differ/ })).toHaveCount(0);
    await mine.context().close();
    await theirs.context().close();
  });
});

test.describe('defects of issue 13', () => {
  test('the drafts list shows newsroom time and each draft’s address, so copies can be told apart', async ({ browser }) => {
    const title = `Twin headline ${Date.now()}`;
    const [first, second] = [await seedReadyDraft({ title }), await seedReadyDraft({ title })];
    // 11:00 UTC on 1 July is 12:00 in London (summer time): a list in UTC would say 11:00.
    await database()`update drafts set updated_at = '2026-07-01T11:00:00Z' where id = ${first.id}`;
    const page = await deskAs(browser, 'editor');
    await page.goto('/editor/drafts');
    const rows = page.getByRole('row', { name: new RegExp(title) });
    await expect(rows).toHaveCount(2);
    await expect(rows.filter({ hasText: `/articles/${first.slug}` })).toContainText('1 Jul 2026, 12:00 BST');
    await expect(rows.filter({ hasText: `/articles/${second.slug}` })).toHaveCount(1);
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  test('with JavaScript, a profile saves again without a new picture, and the image form asks for a picture rather than calling it empty', async ({ browser }) => {
    const person = await seedPerson();
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, person.email, person.password);
    await expect(page).toHaveURL(/\/editor$/);
    await page.goto('/editor/account');
    const tag = person.email.slice(6, 14);
    await page.getByLabel('Profile address').fill(`olive-owner-${tag}`);
    await page.getByLabel('Bio').fill('Olive writes about the market and the people who run its stalls.');
    await page.getByLabel('Profile picture').setInputFiles(path.resolve('public/images/authors/priya-raman.jpg'));
    await page.getByLabel('Picture alt text').fill('Olive at her desk in the newsroom');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect(page.getByText('Your public profile is saved.')).toBeVisible();

    await page.reload();
    await page.getByLabel('Bio').fill('Olive writes about the market, its stalls and the traders’ long mornings.');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect(page.getByText('Your public profile is saved.')).toBeVisible();
    await expect(page.getByText('The file is empty')).toHaveCount(0);
    const [row] = await database()<{ bio: string }[]>`select p.bio from author_profiles p join users u on u.id = p.user_id where u.email = ${person.email}`;
    expect(row?.bio).toBe('Olive writes about the market, its stalls and the traders’ long mornings.');

    const draft = await seedReadyDraft();
    const desk = await deskAs(browser, 'editor');
    await desk.goto(`/editor/drafts/${draft.id}`);
    const upload = desk.getByRole('region', { name: 'Add an image to the body' });
    await upload.getByLabel('Alt text').fill('A stall of apples at the Saturday market');
    await upload.getByRole('button', { name: 'Upload image' }).click();
    await expect(upload.getByRole('status')).toHaveText('Choose a picture to upload.');
    await context.close();
    await desk.context().close();
  });

  test('a subheading is read once: its anchor sits beside it with a label of its own', async ({ page }) => {
    await page.goto('/articles/high-street-vacancies-fall');
    const heading = page.getByRole('heading', { name: 'Pop-up leases fill the gaps', exact: true });
    await expect(heading).toBeVisible();
    expect(await heading.evaluate((element) => element.textContent)).toBe('Pop-up leases fill the gaps');
    const anchor = page.locator('.heading-group', { has: heading }).getByRole('link', { name: 'Link to this section' });
    await expect(anchor).toHaveAttribute('href', '#pop-up-leases-fill-the-gaps');
    await expectNoAxeViolations(page);
  });
});

// Every newsroom page, found from the source, with JavaScript on, as an admin (who may open them all).
const pageFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? pageFiles(full) : name === 'page.tsx' ? [full] : [];
  });
const editorPages = pageFiles(path.join('app', '(editor)', 'editor', '(shell)')).map((file) =>
  path
    .dirname(path.relative('app', file))
    .split(path.sep)
    .filter((segment) => !/^\(.*\)$/.test(segment)),
);

test.describe('axe on every newsroom page', () => {
  test.use({ storageState: storageState('admin') });
  let ids: Record<'draft' | 'send' | 'author', string>;
  test.beforeAll(async () => {
    const draft = await draftOf('admin');
    const send = await seedSend({ draftId: draft.id, status: 'done', deliveries: {} });
    const [author] = await database()<{ id: string }[]>`insert into author_profiles (slug, name, kind)
      values (${`axe-guest-${draft.id.slice(0, 8)}`}, 'Axe guest', 'contributor') on conflict (slug) do update set name = excluded.name returning id`;
    ids = { draft: draft.id, send: send.id, author: author!.id };
  });
  for (const segments of editorPages) {
    const name = `/${segments.join('/')}`;
    test(`${name} has no axe violations`, async ({ page }) => {
      const url = `/${segments.map((segment, index) => (segment === '[id]' ? ({ newsletter: ids.send, authors: ids.author }[segments[index - 1] ?? ''] ?? ids.draft) : segment)).join('/')}`;
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(200);
      await expect(page).toHaveURL(url);
      await expectNoAxeViolations(page);
    });
  }
});
