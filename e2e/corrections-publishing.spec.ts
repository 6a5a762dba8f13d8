import { type Browser, expect, type Page, test } from '@playwright/test';

import { expectNoAxeViolations } from './helpers/axe';
import { saveNewTitle, seedReadyDraft } from './helpers/drafts';
import { people, storageState } from './helpers/newsroom';
import { formWith, unpublishedAfterEach } from './helpers/publishing';

// Dates and corrections as readers get them: a story moved from another site keeps its old date,
// a republication that changes it says "Updated", and a correction shows on the article and on
// /corrections at once, without publishing again.

// `page` is the editor's (the unpublishing after each test uses it); readers get a context of their own.
test.use({ storageState: storageState('editor') });
const published = unpublishedAfterEach();

// 09:30 in London on 10 June 2025 (summer time) is 08:30 UTC.
const MOVED_LOCAL = '2025-06-10T09:30';
const MOVED = '2025-06-10T08:30:00.000Z';

async function readerPage(browser: Browser) {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  return { context, page: await context.newPage() };
}

async function newsArticleOf(page: Page) {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  return blocks.flatMap((block) => JSON.parse(block)).find((entry: { '@type': string }) => entry['@type'] === 'NewsArticle');
}

async function publishNow(page: Page, draftId: string, publicationDate?: string) {
  await page.goto(`/editor/drafts/${draftId}/publish`);
  const form = formWith(page, 'Publish now');
  if (publicationDate) {
    await form.getByText('Publication date', { exact: true }).click();
    await form.getByLabel('Publication date (optional)').fill(publicationDate);
  }
  await form.getByRole('button', { name: 'Publish now', exact: true }).click();
  // The button reads "Publishing…" meanwhile, so the form is found again once it is done.
  await expect(form.getByRole('status')).toContainText(/Published/, { timeout: 20_000 });
}

test.describe('publication dates, updates and corrections', () => {
  test('a story published with an earlier date shows it on the page, in the feeds, JSON-LD and archive; republished with a change, it says Updated', async ({
    browser,
    page: editor,
  }) => {
    const draft = await seedReadyDraft();
    const reader = await readerPage(browser);
    const { page } = reader;
    const request = reader.context.request;

    await editor.goto(`/editor/drafts/${draft.id}/publish`);
    const future = formWith(editor, 'Publish now');
    await future.getByText('Publication date', { exact: true }).click();
    await future.getByLabel('Publication date (optional)').fill('2099-01-01T09:00');
    await future.getByRole('button', { name: 'Publish now', exact: true }).click();
    await expect(future.getByRole('status')).toContainText('cannot be in the future. To publish later, use Schedule.');
    expect((await request.get(`/articles/${draft.slug}`)).status()).toBe(404);

    await publishNow(editor, draft.id, MOVED_LOCAL);
    published.push(draft.id);

    await page.goto(`/articles/${draft.slug}`);
    await expect(page.locator('.article__meta time').first()).toHaveText('10 June 2025');
    await expect(page.locator('.article__meta time').first()).toHaveAttribute('datetime', MOVED);
    await expect(page.getByText(/^Updated/)).toHaveCount(0);
    expect(await newsArticleOf(page)).toMatchObject({ datePublished: MOVED, dateModified: MOVED });

    const feed = (await (await request.get('/feed.json')).json()) as { items: { url: string; date_published: string; date_modified: string }[] };
    expect(feed.items.find((item) => item.url.endsWith(`/articles/${draft.slug}`))).toMatchObject({ date_published: MOVED, date_modified: MOVED });
    expect(await (await request.get('/feed.xml')).text()).toContain('<pubDate>Tue, 10 Jun 2025 08:30:00 GMT</pubDate>');
    await page.goto('/archive/2025/06');
    await expect(page.getByRole('link', { name: draft.title })).toBeVisible();

    // Republished unchanged: no update. Then with a new headline: updated now, the date kept.
    await publishNow(editor, draft.id);
    await page.goto(`/articles/${draft.slug}`);
    await expect(page.getByText(/^Updated/)).toHaveCount(0);
    const title = `${draft.title}, revised`;
    await saveNewTitle(draft.id, title);
    const before = Date.now();
    await publishNow(editor, draft.id);

    await page.goto(`/articles/${draft.slug}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    const updated = page.locator('.article__updated');
    await expect(updated).toHaveText(/^Updated \d{1,2} \w+ \d{4}, \d{2}:\d{2}$/);
    const updatedAt = new Date((await updated.locator('time').getAttribute('datetime'))!);
    expect(updatedAt.getTime()).toBeGreaterThan(before - 5_000);
    expect(await newsArticleOf(page)).toMatchObject({ datePublished: MOVED, dateModified: updatedAt.toISOString() });
    const atom = await (await request.get('/atom.xml')).text();
    expect(atom).toContain(`<published>${MOVED}</published>`);
    expect(atom).toContain(`<updated>${updatedAt.toISOString()}</updated>`);
    await reader.context.close();
  });

  test('a correction shows on the article and on /corrections at once; a contributor cannot add one', async ({ browser, page: editor }) => {
    const draft = await seedReadyDraft({ authorEmail: people.contributor.email });
    const reader = await readerPage(browser);
    const { page } = reader;
    await publishNow(editor, draft.id);
    published.push(draft.id);

    await page.goto(`/articles/${draft.slug}`);
    await expect(page.getByRole('region', { name: 'Corrections' })).toHaveCount(0);

    const text = `An earlier version of story ${draft.slug} gave the wrong opening hours.`;
    await editor.goto(`/editor/drafts/${draft.id}/publish`);
    const form = formWith(editor, 'Add to the article');
    await form.getByLabel('Clarification: something was unclear').check();
    await form.getByLabel('What readers should know').fill(text);
    await form.getByRole('button', { name: 'Add to the article', exact: true }).click();
    await expect(form.getByRole('status')).toContainText('The clarification is added.');
    // The very next requests, with no waiting, carry it: the action expired both pages' cache tags.
    const [article, list] = await Promise.all([reader.context.request.get(`/articles/${draft.slug}`), reader.context.request.get('/corrections')]);
    expect(await article.text()).toContain(text);
    expect(await list.text()).toContain(text);
    await expect(editor.getByRole('region', { name: 'Corrections' }).getByRole('listitem')).toContainText(text);
    await expectNoAxeViolations(editor);

    await page.goto(`/articles/${draft.slug}`);
    await expect(page.getByRole('region', { name: 'Corrections' })).toContainText(/Clarification, \d{1,2} \w+ \d{4}, \d{2}:\d{2}/);
    expect((await newsArticleOf(page)).correction).toEqual([expect.objectContaining({ '@type': 'CorrectionComment', text })]);
    await expectNoAxeViolations(page);

    await page.goto('/corrections');
    const entry = page.getByRole('listitem').filter({ hasText: text });
    await expect(entry).toBeVisible();
    await expect(entry.getByRole('link', { name: draft.title })).toHaveAttribute('href', `/articles/${draft.slug}`);
    // The newest is listed first: this one, above the sample article's older correction.
    await expect(page.getByRole('main').getByRole('listitem').first()).toContainText(text);
    await expectNoAxeViolations(page);

    // The editor is offered the form on the draft page as well; the contributor, who wrote the story
    // and sees it, is offered it on neither.
    await editor.goto(`/editor/drafts/${draft.id}`);
    await expect(editor.getByRole('button', { name: 'Add to the article' })).toBeVisible();
    const contributor = await browser.newContext({ storageState: storageState('contributor') });
    const own = await contributor.newPage();
    await own.goto(`/editor/drafts/${draft.id}`);
    await expect(own.getByRole('heading', { level: 1 }).first()).toHaveText(draft.title);
    await expect(own.getByRole('button', { name: 'Add to the article' })).toHaveCount(0);
    await own.goto(`/editor/drafts/${draft.id}/publish`);
    await expect(own.getByRole('button', { name: 'Add to the article' })).toHaveCount(0);
    await contributor.close();
    await reader.context.close();
  });
});
