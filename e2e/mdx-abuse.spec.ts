import { expect, type Page, request, test } from '@playwright/test';

import { bodyField } from './helpers/draft-body';
import { storageState } from './helpers/newsroom';
import { pathologicalBodies, slowBody } from './helpers/pathological-mdx';

// Bodies that froze the server for tens of seconds (micromark is super-linear on them). Each is
// sent through the live preview and the save, as a contributor, while an anonymous reader keeps
// loading the front page: the draft must be refused as too complex within the time limit, and the
// reader must never wait on it.

test.describe.configure({ mode: 'serial' });

// The worker's time limit is 2 s; the rest is slack for a loaded CI machine (the preview's 500 ms
// pause, starting a worker in place of one stopped, rendering). Today's code took minutes.
const DRAFT_ANSWER_MS = 10_000;
// "Stalled" against "fine": a reader's page normally answers in milliseconds.
const READER_MS = 1_000;
const TOO_COMPLEX = 'This body is too complex to render';
// A form sends each line break as CR LF, so 33,000 lines of "#a" arrive as 132,000 characters and
// the save refuses them by the body's length limit, before anything reads them: as fast, as clear.
const REFUSED_ON_SAVE = new RegExp(`${TOO_COMPLEX}|The body can have at most 100,000 characters`);

/** Loads `/` as an anonymous reader, one request after another, until stopped; every latency. */
function readerLoop(baseURL: string | undefined) {
  const latencies: number[] = [];
  let running = true;
  const done = (async () => {
    const reader = await request.newContext({ baseURL });
    while (running) {
      const started = Date.now();
      // A frozen server answers nothing: the timeout turns that into a latency, not a hung test.
      const response = await reader.get('/', { timeout: 20_000 }).catch(() => null);
      latencies.push(response?.ok() ? Date.now() - started : Number.POSITIVE_INFINITY);
    }
    await reader.dispose();
  })();
  return { latencies, stop: async () => ((running = false), await done) };
}

let draftUrl = '';

/**
 * Puts the body in the form as typing would (an input event, which the live preview listens to).
 * Playwright's fill() types 33,000 lines into Chromium's editor for minutes; the server is what is
 * under test here, so the value is set at once.
 */
async function typeBody(page: Page, body: string) {
  await bodyField(page).evaluate((field, value) => {
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(field, value);
    field.dispatchEvent(new Event('input', { bubbles: true }));
  }, body);
}

async function openDraft(page: Page) {
  if (draftUrl) return page.goto(draftUrl);
  await page.goto('/editor/drafts/new');
  await page.getByLabel('Title').fill(`Pathological bodies ${Date.now()}`);
  await page.getByRole('button', { name: 'Start draft' }).click();
  await expect(page).toHaveURL(/\/editor\/drafts\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  draftUrl = new URL(page.url()).pathname;
}

const bodies = { ...pathologicalBodies, 'a list 9 deep on 2,900 lines (past the cheap checks)': slowBody };

for (const [name, body] of Object.entries(bodies)) {
  test(`${name}: refused as too complex in time, while readers are served`, async ({ browser, baseURL }) => {
    test.setTimeout(90_000);
    const context = await browser.newContext({ storageState: storageState('contributor') });
    const page = await context.newPage();
    await openDraft(page);
    const readers = readerLoop(baseURL);
    try {
      // The live preview: typing asks the server to render the body.
      const typed = Date.now();
      await typeBody(page, body);
      const preview = page.getByRole('region', { name: 'Live preview' });
      await expect(preview).toContainText(TOO_COMPLEX, { timeout: DRAFT_ANSWER_MS });
      expect(Date.now() - typed).toBeLessThan(DRAFT_ANSWER_MS);

      // The save: refused with the same reason next to the body, and nothing stored.
      const saved = Date.now();
      await page.getByRole('button', { name: 'Save draft' }).click();
      await expect(page.locator('#draft-body-errors')).toContainText(REFUSED_ON_SAVE, { timeout: DRAFT_ANSWER_MS });
      expect(Date.now() - saved).toBeLessThan(DRAFT_ANSWER_MS);
      await expect(page.locator('#draft-form-status')).toContainText('Not saved');
    } finally {
      await readers.stop();
      await context.close();
    }
    expect(readers.latencies.length, 'the reader got pages while the draft was being handled').toBeGreaterThan(1);
    expect(Math.max(...readers.latencies), `reader latencies: ${readers.latencies.join(', ')} ms`).toBeLessThan(READER_MS);
  });
}
