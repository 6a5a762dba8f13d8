import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';

import { type ParsedMail, simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import { closeDb } from '@/db';
import { clearRateLimit } from '@/db/queries/rate-limits';
import { applyImport } from '@/db/queries/subscriber-import';
import { getSubscriberByEmail } from '@/db/queries/subscribers';
import { suppressEmail } from '@/db/queries/suppressions';
import type { Site } from '@/lib/content/types';
import { log } from '@/lib/log';
import type { SendMail } from '@/lib/mail/transport';
import { confirm, requestSubscription, siteCounter } from '@/lib/newsletter/service';
import { sendWelcome } from '@/lib/newsletter/welcome';

const welcome = { subject: 'Welcome to the Gazette', body: 'Thank you for subscribing.\n\nWe write about the town.\nEvery week.' };
const site = {
  name: 'Test Gazette',
  url: 'https://gazette.example',
  language: 'en',
  newsletter: { fromName: 'Test Gazette', fromAddress: 'news@gazette.example', welcome },
} as Site;
const silentSite = { ...site, newsletter: { fromName: 'Test Gazette', fromAddress: 'news@gazette.example' } } as Site;

// A real SMTP server, and the app's messages sent to it through nodemailer as in production.
const received: ParsedMail[] = [];
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, _session, callback) {
    simpleParser(stream).then((mail) => {
      received.push(mail);
      callback();
    }, callback);
  },
});
let send: SendMail;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: (server.server.address() as AddressInfo).port, secure: false, ignoreTLS: true });
  send = async (mail) => void (await transport.sendMail(mail));
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(resolve));
  await closeDb();
});
beforeEach(() => clearRateLimit(siteCounter(site)));

const to = (email: string) => received.filter((mail) => [mail.to].flat().some((address) => address?.value.some((entry) => entry.address === email)));

/** Signs `email` up and returns the token its confirmation email carried. */
async function signUp(email: string): Promise<string> {
  let token = '';
  const capture: SendMail = async (mail) => void (token = new URL(mail.text.match(/https:\/\/\S+\/newsletter\/confirm\?\S+/)![0]).searchParams.get('token')!);
  await requestSubscription({ email, website: '', ip: `welcome-${randomUUID()}`, site }, { send: capture });
  return token;
}

describe('the welcome email', () => {
  it('goes once to a reader who confirms, with the site’s words and one-click unsubscribe', async () => {
    const email = `welcome-${randomUUID()}@example.org`;
    const token = await signUp(email);
    expect(await confirm(token, { site, send })).toMatchObject({ ok: true });
    const [mail, ...more] = to(email);
    expect(more).toHaveLength(0);
    expect(mail!.subject).toBe('Welcome to the Gazette');
    expect(mail!.from?.value[0]).toMatchObject({ address: 'news@gazette.example', name: 'Test Gazette' });
    expect(mail!.text).toContain('Thank you for subscribing.');
    expect(mail!.html).toContain('We write about the town.');
    const header = (name: string) => mail!.headerLines.find((line) => line.key === name)?.line.replace(/^[^:]+:\s*/, '');
    expect(header('list-unsubscribe')).toMatch(/^<https:\/\/gazette\.example\/newsletter\/unsubscribe\/one-click\?token=/);
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect((await getSubscriberByEmail(email))?.welcomedAt).toBeInstanceOf(Date);

    // However often the reader's confirmation is replayed, or the welcome asked for at once.
    await confirm(token, { site, send });
    const { id } = (await getSubscriberByEmail(email))!;
    await Promise.all(Array.from({ length: 5 }, () => sendWelcome(id, site, { page: 'https://x.example/u', oneClick: 'https://x.example/o' }, send)));
    expect(to(email)).toHaveLength(1);
  });

  it('is sent after the response when the caller defers it', async () => {
    const email = `deferred-${randomUUID()}@example.org`;
    const token = await signUp(email);
    const deferred: (() => Promise<void>)[] = [];
    expect(await confirm(token, { site, send, defer: (task) => deferred.push(task) })).toMatchObject({ ok: true });
    expect(to(email)).toHaveLength(0);
    await deferred[0]!();
    expect(to(email)).toHaveLength(1);
  });

  it('is not sent when the site has none, nor to imported readers', async () => {
    const email = `silent-${randomUUID()}@example.org`;
    expect(await confirm(await signUp(email), { site: silentSite, send })).toMatchObject({ ok: true });
    const imported = `imported-${randomUUID()}@example.org`;
    await applyImport([imported], () => ({
      add: [{ email: imported, name: null, status: 'confirmed', confirmedAt: new Date() }],
      name: [],
      unsubscribe: [],
      suppress: [],
    }));
    await sendWelcome((await getSubscriberByEmail(imported))!.id, site, { page: 'https://x.example/u', oneClick: 'https://x.example/o' }, send);
    expect([...to(email), ...to(imported)]).toHaveLength(0);
  });

  it('is not sent to a suppressed address, and confirming still works', async () => {
    const email = `suppressed-${randomUUID()}@example.org`;
    const token = await signUp(email);
    await suppressEmail({ email, reason: 'complaint', detail: 'Marked as spam.' });
    expect(await confirm(token, { site, send })).toMatchObject({ ok: true });
    expect((await getSubscriberByEmail(email))?.status).toBe('confirmed');
    expect(to(email)).toHaveLength(0);
  });

  it('that fails to send is logged and never breaks confirming', async () => {
    const email = `broken-${randomUUID()}@example.org`;
    const token = await signUp(email);
    const logged = vi.spyOn(log, 'error').mockImplementation(() => {});
    const failing: SendMail = async () => {
      throw new Error('421 try later');
    };
    expect(await confirm(token, { site, send: failing })).toMatchObject({ ok: true, message: expect.stringContaining('You are subscribed') });
    expect(logged).toHaveBeenCalledWith({ err: expect.objectContaining({ message: '421 try later' }) }, 'Sending a welcome email failed');
    logged.mockRestore();
    expect((await getSubscriberByEmail(email))?.status).toBe('confirmed');
  });
});
