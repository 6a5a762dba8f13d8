import { randomUUID } from 'node:crypto';

import type { Page } from '@playwright/test';

export const newAddress = () => `reader-${randomUUID()}@example.org`;

/** Signs up through the page's newsletter box and returns its status line. */
export async function signUp(page: Page, email: string) {
  const box = page.getByRole('region', { name: /newsletter/i });
  await box.getByLabel('Email address').fill(email);
  await box.getByRole('button', { name: 'Sign up' }).click();
  return box.getByRole('status');
}
