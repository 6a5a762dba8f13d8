import { randomUUID } from 'node:crypto';

import { afterAll, beforeEach, describe, expect, it } from 'vitest';

import { closeDb } from '@/db';
import { clearRateLimit, hitRateLimit } from '@/db/queries/rate-limits';
import { getSubscriberByEmail, recordSignup } from '@/db/queries/subscribers';
import { suppressEmail } from '@/db/queries/suppressions';
import type { Site } from '@/lib/content/types';
import type { OutgoingMail } from '@/lib/mail/transport';
import { signupSchema } from '@/lib/newsletter/schema';
import { BUSY_MESSAGE, confirm, LIMITS, requestSubscription, SIGNUP_MESSAGE, siteCounter, unsubscribe } from '@/lib/newsletter/service';
import { hashToken, newConfirmationToken, unsubscribeToken, verifyUnsubscribeToken } from '@/lib/newsletter/tokens';

const site = {
  name: 'Test Gazette',
  shortName: 'Gazette',
  url: 'https://gazette.example',
  language: 'en',
  newsletter: { fromName: 'Test Gazette', fromAddress: 'news@gazette.example' },
} as Site;

function mailbox() {
  const sent: OutgoingMail[] = [];
  return { sent, send: async (mail: OutgoingMail) => void sent.push(mail) };
}

const address = () => `reader-${randomUUID()}@example.org`;
const ip = () => `198.51.100.${Math.floor(Math.random() * 250)}-${randomUUID()}`;
const tokenIn = (url: string) => new URL(url).searchParams.get('token')!;
const confirmLink = (mail: OutgoingMail) => mail.text.match(/https:\/\/\S+\/newsletter\/confirm\?\S+/)![0];
const oneClickLink = (mail: OutgoingMail) => mail.headers!['List-Unsubscribe']!.slice(1, -1);

afterAll(closeDb);
// The site-wide count is shared by the tests here; its own tests are in newsletter-limits.test.ts.
beforeEach(() => clearRateLimit(siteCounter(site)));

describe('address validation', () => {
  it('trims and lower-cases, and explains a bad address', () => {
    expect(signupSchema.parse({ email: '  Reader@Example.ORG ' }).email).toBe('reader@example.org');
    const bad = signupSchema.safeParse({ email: 'not-an-address' });
    expect(bad.success || bad.error.issues[0]?.message).toBe('Enter a valid email address, like name@example.com.');
    const long = signupSchema.safeParse({ email: `${'a'.repeat(250)}@example.org` });
    expect(long.success || long.error.issues[0]?.message).toBe('That email address is too long.');
  });
});

describe('unsubscribe tokens', () => {
  it('verify only with the right secret and an untouched signature', () => {
    const id = randomUUID();
    const token = unsubscribeToken(id, 'secret-one');
    expect(verifyUnsubscribeToken(token, 'secret-one')).toBe(id);
    expect(verifyUnsubscribeToken(token, 'secret-two')).toBeNull();
    expect(verifyUnsubscribeToken(`${randomUUID()}.${token.split('.')[1]}`, 'secret-one')).toBeNull();
    expect(verifyUnsubscribeToken(`${token}x`, 'secret-one')).toBeNull();
    expect(verifyUnsubscribeToken('garbage', 'secret-one')).toBeNull();
  });
});

describe('double opt-in', () => {
  it('a sign-up sends one confirmation email with one-click unsubscribe headers; the link confirms once', async () => {
    const email = address();
    const { sent, send } = mailbox();
    expect(await requestSubscription({ email, website: '', ip: ip(), site }, { send })).toEqual({ ok: true, message: SIGNUP_MESSAGE });
    expect(sent).toHaveLength(1);
    const [mail] = sent;
    expect(mail!.to).toBe(email);
    expect(mail!.headers!['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(oneClickLink(mail!)).toMatch(/^https:\/\/gazette\.example\/newsletter\/unsubscribe\/one-click\?token=/);
    expect(mail!.html).toContain('Confirm my subscription');
    expect((await getSubscriberByEmail(email))?.status).toBe('pending');

    const token = tokenIn(confirmLink(mail!));
    expect(await confirm(token)).toMatchObject({ ok: true });
    expect((await getSubscriberByEmail(email))?.status).toBe('confirmed');
    expect(await confirm(token)).toEqual({ ok: false, error: expect.stringContaining('already been used') });
  });

  it('only a hash of the token is stored, and a tampered or expired token is refused', async () => {
    const { token, hash } = newConfirmationToken();
    expect(hash).toBe(hashToken(token));
    expect(hash).not.toContain(token);
    expect((await recordSignup(address(), { hash, expiresAt: new Date(Date.now() - 1000) }, 300)).claimed).toBe(true);
    expect(await confirm(token)).toEqual({ ok: false, error: expect.stringContaining('expired') });
    expect(await confirm(`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).toEqual({ ok: false, error: expect.stringContaining('not valid') });
  });

  it('a known address gets the same answer, and a pending one no second email within minutes', async () => {
    const email = address();
    const { sent, send } = mailbox();
    const first = await requestSubscription({ email, website: '', ip: ip(), site }, { send });
    const again = await requestSubscription({ email, website: '', ip: ip(), site }, { send });
    expect(again).toEqual(first);
    expect(sent).toHaveLength(1);
    await confirm(tokenIn(confirmLink(sent[0]!)));
    expect(await requestSubscription({ email, website: '', ip: ip(), site }, { send })).toEqual(first);
    expect(sent).toHaveLength(1);
    expect(LIMITS.resendSeconds).toBeGreaterThanOrEqual(120);
  });

  it('unsubscribing keeps the record, and signing up again later works', async () => {
    const email = address();
    const { sent, send } = mailbox();
    await requestSubscription({ email, website: '', ip: ip(), site }, { send });
    await confirm(tokenIn(confirmLink(sent[0]!)));
    const outcome = await unsubscribe(tokenIn(oneClickLink(sent[0]!)));
    expect(outcome).toEqual({ ok: true, message: `${email} is unsubscribed. We will not email you again.` });
    expect(await getSubscriberByEmail(email)).toMatchObject({ status: 'unsubscribed', unsubscribedAt: expect.any(Date) });

    await requestSubscription({ email, website: '', ip: ip(), site }, { send });
    expect(sent).toHaveLength(2);
    expect((await getSubscriberByEmail(email))?.status).toBe('pending');
    expect(await unsubscribe('not-a-token')).toEqual({ ok: false, error: expect.stringContaining('not valid') });
  });

  it('the honeypot answers like a success and stores nothing', async () => {
    const email = address();
    const { sent, send } = mailbox();
    expect(await requestSubscription({ email, website: 'https://spam.example', ip: ip(), site }, { send })).toEqual({ ok: true, message: SIGNUP_MESSAGE });
    expect(sent).toHaveLength(0);
    expect(await getSubscriberByEmail(email)).toBeUndefined();
  });

  it('a suppressed address gets the same answer and no email: the list never mails an address that bounced or complained', async () => {
    const { sent, send } = mailbox();
    const email = address();
    await suppressEmail({ email, reason: 'hard_bounce', detail: '550 5.1.1 No such user' });
    expect(await requestSubscription({ email, website: '', ip: ip(), site }, { send })).toEqual({ ok: true, message: SIGNUP_MESSAGE });
    expect(sent).toHaveLength(0);
  });

  it('a failed send answers like any other sign-up, and the next attempt sends again', async () => {
    const email = address();
    const failing = async () => {
      throw new Error('SMTP down');
    };
    expect(await requestSubscription({ email, website: '', ip: ip(), site }, { send: failing })).toEqual({ ok: true, message: SIGNUP_MESSAGE });
    const { sent, send } = mailbox();
    await requestSubscription({ email, website: '', ip: ip(), site }, { send });
    expect(sent).toHaveLength(1);
  });
});

describe('rate limits', () => {
  it('count in a fixed window and say when to come back', async () => {
    const key = `test:${randomUUID()}`;
    for (let attempt = 0; attempt < 3; attempt += 1) expect(await hitRateLimit(key, 3, 600)).toEqual({ allowed: true });
    const refused = await hitRateLimit(key, 3, 600);
    expect(refused.allowed).toBe(false);
    expect(!refused.allowed && refused.retryAfterSeconds).toBeGreaterThan(590);
  });

  it('start a new window once the old one has passed', async () => {
    const key = `test:${randomUUID()}`;
    await hitRateLimit(key, 1, 1);
    expect((await hitRateLimit(key, 1, 1)).allowed).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await hitRateLimit(key, 1, 1)).toEqual({ allowed: true });
  });

  it('hold under concurrency: exactly `limit` of 60 simultaneous attempts pass', async () => {
    const key = `test:${randomUUID()}`;
    const results = await Promise.all(Array.from({ length: 60 }, () => hitRateLimit(key, 7, 600)));
    expect(results.filter((result) => result.allowed)).toHaveLength(7);
  });

  it('per IP: past the challenge threshold a form without JavaScript is asked to come back later; the eleventh attempt in an hour is refused', async () => {
    const from = ip();
    const { send } = mailbox();
    for (let attempt = 1; attempt <= LIMITS.perIp.limit; attempt += 1) {
      const outcome = await requestSubscription({ email: address(), website: '', ip: from, site }, { send });
      expect(outcome).toEqual(attempt <= LIMITS.perIp.challengeAfter ? { ok: true, message: SIGNUP_MESSAGE } : { ok: false, error: BUSY_MESSAGE });
    }
    const refused = await requestSubscription({ email: address(), website: '', ip: from, site }, { send });
    expect(refused).toEqual({ ok: false, error: 'Too many sign-up attempts. Please try again in 60 minutes.' });
  });
});

describe('concurrency', () => {
  it('200 simultaneous sign-ups of one address leave exactly one subscriber and at most one email', async () => {
    const email = address();
    const { sent, send } = mailbox();
    const outcomes = await Promise.all(Array.from({ length: 200 }, () => requestSubscription({ email, website: '', ip: ip(), site }, { send })));
    expect(outcomes.every((outcome) => outcome.ok || /Too many sign-up attempts/.test(outcome.error))).toBe(true);
    expect(sent.length).toBeLessThanOrEqual(1);
    const { getDb } = await import('@/db');
    const { subscribers } = await import('@/db/schema');
    const { eq } = await import('drizzle-orm');
    expect(await getDb().select().from(subscribers).where(eq(subscribers.email, email))).toHaveLength(1);
  });
});
