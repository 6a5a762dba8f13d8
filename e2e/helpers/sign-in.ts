import { randomUUID } from 'node:crypto';

import { type APIRequestContext, expect, type Page } from '@playwright/test';

import { database } from './database';
import { waitForMail } from './mail';

export type Person = { name: string; email: string; password: string };

/** A fresh account of its own for one test, so its counts and mail are nobody else's. */
export async function seedPerson(): Promise<Person> {
  const tag = randomUUID().slice(0, 8);
  const person = { name: `Olive Owner ${tag.slice(0, 4)}`, email: `olive-${tag}@newsroom.example`, password: `the owner's password ${tag}` };
  const { hash } = await import('@node-rs/argon2');
  await database()`insert into users (email, name, role, password_hash) values (${person.email}, ${person.name}, 'editor', ${await hash(person.password)})`;
  return person;
}

export { clientAddress } from './client-address';

/**
 * One wrong password posted straight to the sign-in endpoint, as a script would, from client `ip`;
 * returns 0, or the seconds the server says to wait.
 */
async function guess(request: APIRequestContext, email: string, ip: string): Promise<number> {
  const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const response = await request.post('/api/auth/callback/credentials', {
    form: { email, password: 'a wrong guess', csrfToken },
    headers: { 'x-forwarded-for': ip },
    maxRedirects: 0,
  });
  const location = new URL(response.headers().location ?? '', 'http://x');
  expect(location.searchParams.get('error'), location.href).toBe('CredentialsSignin');
  return Number(/^throttled:(\d+)$/.exec(location.searchParams.get('code') ?? '')?.[1] ?? 0);
}

/**
 * Guesses `email`'s password from `ip`, waiting out each wait as a patient attacker would, until
 * the server asks for a wait of at least `seconds`; returns the waits it was given.
 */
export async function attack(request: APIRequestContext, email: string, ip: string, seconds = 12): Promise<number[]> {
  const waits: number[] = [];
  for (let tries = 0; tries < 30; tries += 1) {
    const wait = await guess(request, email, ip);
    if (wait === 0) continue;
    waits.push(wait);
    if (wait >= seconds) return waits;
    await new Promise((resolve) => setTimeout(resolve, wait * 1000 + 300));
  }
  throw new Error(`never slowed down: ${waits.join(', ')}`);
}

/** Asks for a sign-in code on the code page and returns it from the email. */
export async function emailedCode(page: Page, email: string, mailsBefore = 0): Promise<string> {
  await page.goto('/editor/login/code');
  const ask = page.locator('form', { has: page.getByRole('button', { name: 'Email me a sign-in code' }) });
  await ask.getByLabel('Email address').fill(email);
  await ask.getByRole('button', { name: 'Email me a sign-in code' }).click();
  await expect(ask.getByRole('status')).toHaveText(/^If that address belongs to a newsroom account, we have emailed it a sign-in code/);
  const mails = await waitForMail(email, mailsBefore + 1);
  const code = /Sign-in code: (\d{8})/.exec(mails.at(-1)?.text ?? '')?.[1];
  expect(code).toBeDefined();
  return code!;
}

export async function enterCode(page: Page, code: string) {
  const form = page.locator('form', { has: page.getByRole('button', { name: 'Sign in with the code' }) });
  await form.getByLabel('Sign-in code').fill(code);
  await form.getByRole('button', { name: 'Sign in with the code' }).click();
}
