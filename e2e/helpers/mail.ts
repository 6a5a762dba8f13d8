import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import { expect } from '@playwright/test';
import { type ParsedMail, simpleParser } from 'mailparser';

const dir = () => process.env.MAIL_SINK_DIR!;

async function messagesTo(address: string): Promise<ParsedMail[]> {
  const files = (await readdir(dir()).catch(() => [] as string[])).filter((name) => name.endsWith('.eml')).sort();
  const parsed = await Promise.all(files.map(async (name) => simpleParser(await readFile(path.join(dir(), name)))));
  return parsed.filter((mail) => [mail.to].flat().some((to) => to?.value.some((entry) => entry.address === address)));
}

/** Waits for the SMTP sink to have received `count` messages for `address`, and returns them parsed. */
export async function waitForMail(address: string, count = 1): Promise<ParsedMail[]> {
  let found: ParsedMail[] = [];
  await expect.poll(async () => (found = await messagesTo(address)).length, { timeout: 15_000 }).toBe(count);
  return found;
}

/** Waits for at least `count` messages to `address` with exactly this subject, and returns those. */
export async function waitForMailWithSubject(address: string, subject: string, count = 1): Promise<ParsedMail[]> {
  let found: ParsedMail[] = [];
  await expect.poll(async () => (found = (await messagesTo(address)).filter((mail) => mail.subject === subject)).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(count);
  return found;
}

/** Messages to `address` so far; with `subject`, only those (other specs' sends reach every confirmed reader too). */
export async function mailCount(address: string, subject?: string): Promise<number> {
  return (await messagesTo(address)).filter((mail) => subject === undefined || mail.subject === subject).length;
}

/** The first link in the plain-text body that goes to `pathname`. */
export function linkTo(mail: ParsedMail, pathname: string): URL {
  const link = (mail.text ?? '')
    .match(/https?:\/\/\S+/g)
    ?.map((href) => new URL(href))
    .find((url) => url.pathname === pathname);
  if (!link) throw new Error(`No link to ${pathname} in: ${mail.text}`);
  return link;
}
