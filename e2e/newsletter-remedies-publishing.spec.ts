import { expect, type Page, test } from '@playwright/test';

import { expectNoAxeViolations } from './helpers/axe';
import { seedReadyDraft } from './helpers/drafts';
import { mailCount, waitForMailWithSubject } from './helpers/mail';
import { storageState } from './helpers/newsroom';
import { formWith, unpublishedAfterEach } from './helpers/publishing';
import { sendsOfThisFile } from './helpers/sends';

// Named *publishing.spec.ts: the remedies go on only for a published article, so this publishes and
// runs in the "publishing" project. The sends are seeded as the engine leaves them; the remedies'
// messages go out through the real engine to the SMTP sink, to the readers left out and nobody else.

test.use({ storageState: storageState('editor') });

const SUBJECT = 'Seeded send';
const send = sendsOfThisFile();

const published = unpublishedAfterEach();
const stat = (page: Page, label: string) =>
  page
    .locator('.stat-list > div')
    .filter({ has: page.getByText(label, { exact: true }) })
    .locator('dd');

async function publishedDraft(page: Page) {
  const draft = await seedReadyDraft();
  await page.goto(`/editor/drafts/${draft.id}/publish`);
  const publishNow = formWith(page, 'Publish now');
  await publishNow.getByRole('radio', { name: 'Publish only' }).check();
  await publishNow.getByRole('button', { name: 'Publish now', exact: true }).click();
  await expect(publishNow.getByRole('status')).toContainText('Published.');
  published.push(draft.id);
  return draft;
}

/** The report, reloaded until the engine has handled every reader. */
async function expectAllSent(page: Page, total: number) {
  await expect(async () => {
    await page.reload();
    await expect(stat(page, 'Sent')).toHaveText(String(total));
  }).toPass({ timeout: 20_000 });
  await expect(stat(page, 'Failed')).toHaveText('0');
  await expect(stat(page, 'Remaining')).toHaveText('0');
  await expect(page.getByText('Done', { exact: true })).toBeVisible();
}

test('“Retry the failed” mails only the readers whose message failed, and the report ends with all sent', async ({ page }) => {
  const draft = await publishedDraft(page);
  const failed = await send({ draftId: draft.id, status: 'done', deliveries: { sent: 3, failed: 2 } });
  await page.goto(`/editor/newsletter/${failed.id}`);
  const retry = formWith(page, 'Retry the 2 failed');
  await expect(retry).toContainText('Only the 2 addresses that failed are tried again. Nobody who received this send gets it twice.');
  await expect(page.getByRole('button', { name: /Send again|Continue sending/ })).toHaveCount(0);
  await expectNoAxeViolations(page);

  await retry.getByRole('button', { name: 'Retry the 2 failed', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/editor/newsletter/${failed.id}$`));
  for (const address of failed.emails.failed!) expect(await waitForMailWithSubject(address, SUBJECT)).toHaveLength(1);
  await expectAllSent(page, 5);
  for (const address of failed.emails.sent!) expect(await mailCount(address, SUBJECT)).toBe(0);
  await expect(page.getByRole('button', { name: /^Retry/ })).toHaveCount(0);
});

test('“Continue sending” mails only the readers a cancel left out; an older send, once superseded, offers nothing', async ({ page }) => {
  const draft = await publishedDraft(page);
  const older = await send({ draftId: draft.id, status: 'done', deliveries: { sent: 2, failed: 1 } });
  const cancelled = await send({ draftId: draft.id, status: 'cancelled', deliveries: { sent: 1, skipped: 4 } });
  await page.goto(`/editor/newsletter/${older.id}`);
  await expect(page.getByText('This article was emailed again after this send, so this send cannot go on')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Retry/ })).toHaveCount(0);

  await page.goto(`/editor/drafts/${draft.id}/publish`);
  await expect(formWith(page, 'Continue sending to the 4 not reached')).toContainText('This send goes on to the 4 readers it never reached and who are still subscribed.');
  await page.goto(`/editor/newsletter/${cancelled.id}`);
  const go = formWith(page, 'Continue sending to the 4 not reached');
  await expect(page.getByRole('button', { name: /^Retry/ })).toHaveCount(0);
  await go.getByRole('button', { name: 'Continue sending to the 4 not reached', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/editor/newsletter/${cancelled.id}$`));
  for (const address of cancelled.emails.skipped!) expect(await waitForMailWithSubject(address, SUBJECT)).toHaveLength(1);
  await expectAllSent(page, 5);
  for (const address of [...cancelled.emails.sent!, ...older.emails.sent!, ...older.emails.failed!]) expect(await mailCount(address, SUBJECT)).toBe(0);
});

test('unpublishing stops the article’s send that is still going out, and says so', async ({ page }) => {
  const draft = await publishedDraft(page);
  const live = await send({ draftId: draft.id, status: 'sending', deliveries: { sent: 1, queued: 3 } });
  await page.goto(`/editor/drafts/${draft.id}/publish`);
  await formWith(page, 'Unpublish').getByRole('button', { name: 'Unpublish', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Its newsletter, which was still going out, is stopped: nobody else gets the email.' })).toBeVisible();
  published.splice(0);
  await page.goto(`/editor/newsletter/${live.id}`);
  await expect(page.getByText(/^Cancelled: The article was unpublished/)).toBeVisible();
  await expect(stat(page, 'Remaining')).toHaveText('0');
  await expect(page.getByText('This article is no longer published, so its newsletter cannot go on. Publish it again first.')).toBeVisible();
  for (const address of live.emails.queued!) expect(await mailCount(address, SUBJECT)).toBe(0);
});
