import { expect, test as setup } from '@playwright/test';

import { people, signIn, storageState } from './helpers/newsroom';

// First run, as a newsroom would live it: the first person creates the admin account, the admin
// creates an editor and a contributor, and each signs in. Their sessions are kept for the specs.
setup('first-run setup, then the admin creates an editor and a contributor', async ({ page, browser }) => {
  await page.goto('/editor');
  await expect(page).toHaveURL('/editor/setup');
  await page.getByLabel('Your name').fill(people.admin.name);
  await page.getByLabel('Email address').fill(people.admin.email);
  await page.getByLabel('Password').fill(people.admin.password);
  await page.getByRole('button', { name: 'Create admin account' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Welcome, ${people.admin.name}`);
  expect((await page.request.get('/editor/setup')).status()).toBe(404);

  for (const role of ['editor', 'contributor'] as const) {
    await page.goto('/editor/people');
    const form = page.locator('form', { has: page.getByRole('button', { name: 'Create account' }) });
    await form.getByLabel('Name').fill(people[role].name);
    await form.getByLabel('Email address').fill(people[role].email);
    await form.getByLabel('Role').selectOption(role);
    await form.getByLabel('Temporary password').fill(people[role].password);
    await form.getByRole('button', { name: 'Create account' }).click();
    await expect(form.getByRole('status')).toContainText(`Account created for ${people[role].name}`);
  }
  await page.goto('/editor/people');
  await expect(page.getByRole('row', { name: new RegExp(people.contributor.name) })).toContainText('Active');
  await page.context().storageState({ path: storageState('admin') });

  for (const role of ['editor', 'contributor'] as const) {
    const context = await browser.newContext();
    const other = await context.newPage();
    await signIn(other, people[role].email, people[role].password);
    await expect(other.getByRole('heading', { level: 1 })).toHaveText(`Welcome, ${people[role].name}`);
    await context.storageState({ path: storageState(role) });
    await context.close();
  }
});
