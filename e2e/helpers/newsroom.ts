import path from 'node:path';

import type { Page } from '@playwright/test';

export const people = {
  admin: { name: 'Ada Admin', email: 'ada.admin@newsroom.example', password: 'correct horse battery admin' },
  editor: { name: 'Ed Editor', email: 'ed.editor@newsroom.example', password: 'correct horse battery editor' },
  contributor: { name: 'Cy Contributor', email: 'cy.contributor@newsroom.example', password: 'correct horse battery contrib' },
} as const;

export type RoleName = keyof typeof people;

/** Where the setup project leaves each role's signed-in browser state. */
export const storageState = (role: RoleName) => path.resolve('test-results', 'auth', `${role}.json`);

export async function signIn(page: Page, email: string, password: string) {
  await page.goto('/editor/login');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
