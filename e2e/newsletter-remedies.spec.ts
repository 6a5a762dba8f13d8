import { expect, test } from '@playwright/test';

import { expectNoAxeViolations } from './helpers/axe';
import { seedReadyDraft } from './helpers/drafts';
import { storageState } from './helpers/newsroom';
import { sendsOfThisFile } from './helpers/sends';

// What the newsroom is offered when a send went wrong, on sends seeded as the engine leaves them:
// the trouble named on the overview, and remedies for only the readers left out (LESSONS 10).

const send = sendsOfThisFile();

test.use({ storageState: storageState('editor') });

test('the overview names a send the mail server keeps refusing, though its next try is always a minute away', async ({ page }) => {
  const draft = await seedReadyDraft();
  await send({
    draftId: draft.id,
    status: 'waiting',
    statusReason: 'The mail server refuses: 421 4.7.0 Try again later',
    resumeAt: new Date(Date.now() + 60_000),
    heldMinutesAgo: 30,
    deliveries: { sent: 1, queued: 4 },
  });
  await page.goto('/editor');
  const item = page
    .getByRole('region', { name: 'Newsletter' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: draft.title }) });
  await expect(item).toContainText('The mail server has refused this send for over ten minutes');
});

// Remedies that go out are in newsletter-remedies-publishing.spec.ts: they need a published article.
test('an article taken off the site offers no remedy, and says why', async ({ page }) => {
  const draft = await seedReadyDraft();
  const failed = await send({ draftId: draft.id, status: 'done', deliveries: { sent: 3, failed: 2 } });
  await page.goto(`/editor/newsletter/${failed.id}`);
  await expect(page.getByText('This article is no longer published, so its newsletter cannot go on. Publish it again first.')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Retry|Continue sending|Send again/ })).toHaveCount(0);
  await expectNoAxeViolations(page);

  const cancelled = await send({ draftId: draft.id, status: 'cancelled', deliveries: { sent: 1, skipped: 4 } });
  for (const path of [`/editor/newsletter/${cancelled.id}`, `/editor/drafts/${draft.id}/publish`]) {
    await page.goto(path);
    await expect(page.getByText('This article is no longer published, so its newsletter cannot go on.')).toBeVisible();
    await expect(page.getByRole('button', { name: /^Retry|Continue sending/ })).toHaveCount(0);
  }
});
