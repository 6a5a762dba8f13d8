import { expect, type Page, test } from '@playwright/test';

import { expectNoAxeViolations } from './helpers/axe';
import { seedReadyDraft } from './helpers/drafts';
import { waitForMailWithSubject } from './helpers/mail';
import { people, storageState } from './helpers/newsroom';
import { deliverSome, sendsOfThisFile, setSendStatus } from './helpers/sends';

// The newsroom's newsletter pages, on sends seeded as the engine leaves them. Nothing here publishes
// (see newsletter-publishing.spec.ts for the whole journey).

const send = sendsOfThisFile();

const figure = (page: Page, term: string) =>
  page
    .locator('.stat-list div')
    .filter({ has: page.getByRole('term').filter({ hasText: new RegExp(`^${term}$`) }) })
    .getByRole('definition');

test.describe('as editor', () => {
  test.use({ storageState: storageState('editor') });

  test('the report shows the status, progress and the failures and bounces with reasons, paged', async ({ page }) => {
    const draft = await seedReadyDraft();
    const resumeAt = new Date(Date.now() + 2 * 3_600_000);
    const { id } = await send({
      draftId: draft.id,
      status: 'waiting',
      statusReason: 'hourly limit reached',
      resumeAt,
      deliveries: { sent: 40, failed: 52, bounced: 3, skipped: 2, queued: 100 },
    });
    await page.goto('/editor/newsletter');
    await expect(page.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name: 'Newsletter' })).toBeVisible();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: draft.title }) });
    await expect(row.getByRole('cell')).toHaveText([/\d/, /^Waiting: hourly limit reached, continues at \d/, '40', '52 / 3', '100']);
    await expectNoAxeViolations(page);

    await row.getByRole('link', { name: draft.title }).click();
    await expect(page).toHaveURL(`/editor/newsletter/${id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Newsletter: ${draft.title}`);
    await expect(page.getByText(/^Waiting: hourly limit reached, continues at \d/)).toBeVisible();
    const progress = page.getByRole('progressbar', { name: '97 of 197 handled' });
    await expect(progress).toHaveAttribute('value', '97');
    await expect(progress).toHaveAttribute('max', '197');
    await expect(figure(page, 'Failed')).toHaveText('52');
    await expect(figure(page, 'Remaining')).toHaveText('100');
    const table = page.getByRole('table', { name: 'Failed and bounced addresses, latest first' });
    // A header row and 50 of the 55; the bounces were recorded last, so they come first.
    const rows = table.getByRole('row');
    await expect(rows).toHaveCount(51);
    for (const index of [1, 2, 3]) await expect(rows.nth(index)).toContainText(/Bounced\s*550 5\.1\.1 No such user/);
    await expect(rows.filter({ hasText: 'Failed' })).toHaveCount(47);
    await expect(rows.filter({ hasText: 'Failed' }).first()).toContainText(/seeded-failed-.+@example\.org\s*Failed\s*550 5\.7\.1 Relaying denied/);
    await expectNoAxeViolations(page);

    await page.getByRole('navigation', { name: 'Failure pages' }).getByRole('link', { name: 'Next →' }).click();
    await expect(page).toHaveURL(`/editor/newsletter/${id}?page=2`);
    await expect(rows).toHaveCount(6);
    await expect(rows.filter({ hasText: 'Failed' })).toHaveCount(5);
  });

  test('cancelling asks for the box to be ticked, on the page and at the server', async ({ page }) => {
    const draft = await seedReadyDraft();
    const { id } = await send({ draftId: draft.id, status: 'paused', statusReason: 'paused by Ed Editor', deliveries: { sent: 2, queued: 3 } });
    await page.goto(`/editor/newsletter/${id}`);
    await expect(page.getByText('Paused: paused by Ed Editor')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Pause' })).toHaveCount(0);
    await expect(page.getByText('The 3 readers not emailed yet will not get this send.')).toBeVisible();
    const cancel = page.locator('form', { has: page.getByRole('button', { name: 'Cancel the send' }) });
    // The browser refuses the unticked box; a post that skips the browser's check meets the server's.
    await cancel.getByRole('checkbox', { name: 'Stop for good' }).evaluate((box) => box.removeAttribute('required'));
    await cancel.getByRole('button', { name: 'Cancel the send' }).click();
    await expect(cancel.getByRole('status')).toHaveText('Tick “Stop for good” to cancel the send.');
    await expect(page.getByText('Paused: paused by Ed Editor')).toBeVisible();
  });

  test('a running send’s figures move by themselves, and stop when it is done', async ({ page }) => {
    const draft = await seedReadyDraft();
    const { id } = await send({ draftId: draft.id, status: 'sending', deliveries: { queued: 10 } });
    await page.goto(`/editor/newsletter/${id}`);
    await expect(figure(page, 'Sent')).toHaveText('0');
    await deliverSome(id, 4);
    await expect(figure(page, 'Sent')).not.toHaveText('0', { timeout: 10_000 });
    await deliverSome(id, 10);
    await setSendStatus(id, 'done');
    await expect(page.getByText('Done', { exact: true })).toBeVisible({ timeout: 10_000 });
    // Done: no more asking.
    let refreshes = 0;
    page.on('request', (request) => {
      if (request.headers()['rsc'] === '1') refreshes += 1;
    });
    await page.waitForTimeout(4_000);
    expect(refreshes).toBe(0);
  });

  test('the overview shows a send that stalled or failed, loudly', async ({ page }) => {
    const draft = await seedReadyDraft();
    const { id } = await send({ draftId: draft.id, status: 'paused', updatedMinutesAgo: 180, deliveries: { sent: 1, failed: 1, queued: 1 } });
    await page.goto('/editor');
    const section = page.getByRole('region', { name: 'Newsletter' });
    await expect(section.getByRole('alert')).toContainText(/newsletter sends? needs? attention/);
    const item = section.getByRole('listitem').filter({ has: page.getByRole('link', { name: draft.title }) });
    await expect(item).toContainText('Paused for over an hour: resume or cancel it. 1 address failed permanently.');
    await item.getByRole('link', { name: draft.title }).click();
    await expect(page).toHaveURL(`/editor/newsletter/${id}`);
  });

  test('the publishing panel offers the newsletter choice, a test to oneself and a scheduled email', async ({ page }) => {
    const draft = await seedReadyDraft();
    await page.goto(`/editor/drafts/${draft.id}/publish`);
    const publishNow = page.locator('form', { has: page.getByRole('button', { name: 'Publish now', exact: true }) });
    await expect(publishNow.getByRole('radio', { name: 'Publish only' })).toBeChecked();
    await expect(publishNow.getByRole('radio', { name: /^Publish and email subscribers \(\d[\d,]* confirmed subscribers?\)$/ })).not.toBeChecked();
    await expect(page.getByText('Not emailed to subscribers yet.')).toBeVisible();
    await expectNoAxeViolations(page);

    const test = page.locator('form', { has: page.getByRole('button', { name: 'Send a test to me' }) });
    await test.getByRole('button', { name: 'Send a test to me' }).click();
    await expect(test.getByRole('status')).toHaveText(`A test of version 1 is on its way to ${people.editor.email}.`);
    const [mail] = await waitForMailWithSubject(people.editor.email, `[Test] ${draft.title}`);
    expect(mail!.html).toContain('What happens next');

    const schedule = page.locator('form', { has: page.getByRole('button', { name: 'Schedule', exact: true }) });
    await schedule.getByLabel('Publish at').fill('2099-06-01T09:30:00');
    await schedule.getByRole('radio', { name: /^Publish and email subscribers/ }).check();
    await schedule.getByRole('button', { name: 'Schedule', exact: true }).click();
    await expect(schedule.getByRole('status')).toContainText('and will be emailed to subscribers.');
    await expect(page.getByRole('listitem').filter({ hasText: draft.title })).toContainText('and will be emailed to subscribers');
    const cancel = page.locator('form', { has: page.getByRole('button', { name: 'Cancel schedule' }) });
    await cancel.getByRole('button', { name: 'Cancel schedule' }).click();
    // Cancelled, the button goes (it no longer applies) and its answer stays.
    await expect(page.getByRole('status').filter({ hasText: 'The schedule is cancelled.' })).toBeVisible();
  });
});

test.describe('without JavaScript', () => {
  test.use({ storageState: storageState('editor'), javaScriptEnabled: false });

  test('the list and the report are whole, and page', async ({ page }) => {
    const draft = await seedReadyDraft();
    const { id } = await send({ draftId: draft.id, status: 'sending', deliveries: { sent: 7, bounced: 55, queued: 3 } });
    await page.goto('/editor/newsletter');
    await page.getByRole('link', { name: draft.title }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Newsletter: ${draft.title}`);
    await expect(page.getByText('Sending', { exact: true })).toBeVisible();
    await expect(page.getByRole('progressbar', { name: '62 of 65 handled' })).toBeVisible();
    await expect(figure(page, 'Bounced')).toHaveText('55');
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    await page.getByRole('link', { name: 'Next →' }).click();
    await expect(page).toHaveURL(`/editor/newsletter/${id}?page=2`);
    await expect(page.getByRole('table', { name: 'Failed and bounced addresses, latest first' }).getByRole('row')).toHaveCount(6);
  });
});

test.describe('as contributor', () => {
  test.use({ storageState: storageState('contributor') });

  test('the newsletter pages are refused and not offered', async ({ page }) => {
    const draft = await seedReadyDraft();
    const { id } = await send({ draftId: draft.id, status: 'done', deliveries: { sent: 1 } });
    for (const path of ['/editor/newsletter', `/editor/newsletter/${id}`]) {
      await page.goto(path);
      await expect(page).toHaveURL('/editor/not-allowed');
    }
    await expect(page.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name: 'Newsletter' })).toHaveCount(0);
  });
});
