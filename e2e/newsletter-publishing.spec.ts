import { randomUUID } from 'node:crypto';

import { expect, test } from '@playwright/test';

import { expectNoAxeViolations } from './helpers/axe';
import { database, subscriberStatus } from './helpers/database';
import { seedReadyDraft } from './helpers/drafts';
import { linkTo, mailCount, waitForMailWithSubject } from './helpers/mail';
import { storageState } from './helpers/newsroom';
import { formWith, unpublishedAfterEach } from './helpers/publishing';

// Named *publishing.spec.ts: it publishes, so it runs in the "publishing" project, after the specs that
// compare the site's listings with content/. Needs the sending engine (lib/newsletter/sends).

test.use({ storageState: storageState('editor') });

async function confirmedReader(): Promise<string> {
  const email = `reader-${randomUUID()}@example.org`;
  await database()`insert into subscribers (email, status, confirmed_at) values (${email}, 'confirmed', now())`;
  return email;
}

const reportPage = /\/editor\/newsletter\/[\da-f-]{36}$/;

const published = unpublishedAfterEach();

test('publish and email: every reader gets it once, the report follows it, a second send needs a ticked box', async ({ page }) => {
  const [leaving, staying] = [await confirmedReader(), await confirmedReader()];
  const draft = await seedReadyDraft();
  published.push(draft.id);
  await page.goto(`/editor/drafts/${draft.id}/publish`);
  const publishNow = formWith(page, 'Publish now');
  await publishNow.getByRole('radio', { name: /^Publish and email subscribers/ }).check();
  await publishNow.getByRole('button', { name: 'Publish now', exact: true }).click();
  // Publishing, then rendering the email once for the send: the MDX worker threads may still be starting.
  await expect(publishNow.getByRole('status')).toContainText(`Published. Readers see it at /articles/${draft.slug}.`, { timeout: 20_000 });
  await expect(publishNow.getByRole('status')).not.toContainText('did not start');

  // Every confirmed reader gets the sends of the specs running alongside too: only this article's count.
  const [mail] = await waitForMailWithSubject(leaving, draft.title);
  expect(mail!.headerLines.some((line) => line.key === 'list-unsubscribe-post')).toBe(true);
  const unsubscribe = linkTo(mail!, '/newsletter/unsubscribe');
  await page.goto(unsubscribe.pathname + unsubscribe.search);
  await page.getByRole('button', { name: 'Unsubscribe' }).click();
  await expect(page.getByRole('status')).toContainText('is unsubscribed');
  expect(await subscriberStatus(leaving)).toBe('unsubscribed');
  await waitForMailWithSubject(staying, draft.title);

  await page.goto('/editor/newsletter');
  await page.getByRole('link', { name: draft.title }).first().click();
  await expect(page.getByText('Done', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expectNoAxeViolations(page);

  await page.goto(`/editor/drafts/${draft.id}/publish`);
  await expect(page.getByText(/^Emailed on .+ to [\d,]+ readers? \(report\)\.$/)).toBeVisible();
  // Once emailed, publishing again never emails: the choice is gone.
  await expect(page.getByRole('radio', { name: /^Publish and email subscribers/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Email subscribers', exact: true })).toHaveCount(0);
  const again = formWith(page, 'Send again');
  // The send the editor saw goes with the press, so the server can refuse a stale page's.
  await expect(again.locator('input[name="seenSequence"]')).toHaveValue('1');
  await again.getByRole('checkbox', { name: 'I understand every subscriber gets it a second time' }).check();
  await again.getByRole('button', { name: 'Send again' }).click();
  // A send that starts opens its report (the form that started it is gone once the send exists).
  await expect(page).toHaveURL(reportPage);
  await expect(page.getByText(/^Send 2 of this article, started /)).toBeVisible();
  await waitForMailWithSubject(staying, draft.title, 2);
  expect(await mailCount(staying, draft.title)).toBe(2);
  expect(await mailCount(leaving, draft.title)).toBe(1);
});

test('a published article that never went out can be emailed later, once', async ({ page }) => {
  const reader = await confirmedReader();
  const draft = await seedReadyDraft();
  published.push(draft.id);
  await page.goto(`/editor/drafts/${draft.id}/publish`);
  const publishNow = formWith(page, 'Publish now');
  await expect(publishNow.getByRole('radio', { name: 'Publish only' })).toBeChecked();
  await publishNow.getByRole('button', { name: 'Publish now', exact: true }).click();
  await expect(publishNow.getByRole('status')).toHaveText(`Published. Readers see it at /articles/${draft.slug}.`);
  await page.reload();
  const email = formWith(page, 'Email subscribers');
  await email.getByRole('button', { name: 'Email subscribers', exact: true }).click();
  await expect(page).toHaveURL(reportPage);
  await expect(page.getByText(/^First send of this article, started /)).toBeVisible();
  await waitForMailWithSubject(reader, draft.title);
  await page.goto(`/editor/drafts/${draft.id}/publish`);
  await expect(page.getByRole('button', { name: 'Email subscribers', exact: true })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'report' })).toBeVisible();
});
