import { randomUUID } from 'node:crypto';

import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';

import { closeDb, getDb } from '@/db';
import { isSessionRevoked, revokeSession } from '@/db/queries/sessions';
import { createUser } from '@/db/queries/users';
import { revokedSessions, signInCodes } from '@/db/schema';
import { checkSignInCode, checkSignInLink, CODE_LIMITS, CODE_SENT, requestSignInCode } from '@/lib/auth/sign-in-code';
import { countLoginAttempt } from '@/lib/auth/throttle';
import type { Site } from '@/lib/content/types';
import type { OutgoingMail } from '@/lib/mail/transport';

afterAll(closeDb);

const site = { name: 'Test Gazette', url: 'https://gazette.example', language: 'en', newsletter: { fromName: 'Test Gazette', fromAddress: 'news@gazette.example' } } as Site;
const client = () => `198.51.100.${Math.floor(Math.random() * 250)}-${randomUUID()}`;

async function account() {
  const email = `owner-${randomUUID()}@newsroom.example`;
  await createUser({ email, name: 'Olive Owner', role: 'editor', passwordHash: 'x' });
  return email;
}

/** Asks for a code like the login page does, and returns what the browser and the inbox get. */
async function ask(email: string, ip = client()) {
  const sent: OutgoingMail[] = [];
  const outcome = await requestSignInCode({ email, ip, site }, { send: async (mail) => void sent.push(mail) });
  if (!outcome.ok) throw new Error(`refused for ${outcome.retryAfterSeconds} s`);
  const text = sent[0]?.text ?? '';
  return { challenge: outcome.challenge, sent, code: /Sign-in code: (\d{8})/.exec(text)?.[1], link: /\?link=(\S+)/.exec(text)?.[1] };
}

describe('emailed sign-in codes', () => {
  it('sign in once, with the code in the browser that asked, and keep only hashes', async () => {
    const email = await account();
    const { challenge, sent, code, link } = await ask(email);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.to).toBe(email);
    expect(code).toMatch(/^\d{8}$/);
    const [row] = await getDb()
      .select()
      .from(signInCodes)
      .where(sql`${signInCodes.email} = ${email}`);
    expect(JSON.stringify(row)).not.toContain(code!);
    expect(JSON.stringify(row)).not.toContain(challenge);
    expect(JSON.stringify(row)).not.toContain(decodeURIComponent(link!));
    expect(await checkSignInCode(randomUUID(), code!)).toBeNull(); // another browser's challenge
    expect(await checkSignInCode(challenge, code!)).toBe(email);
    expect(await checkSignInCode(challenge, code!)).toBeNull(); // used
    expect(await checkSignInLink(decodeURIComponent(link!))).toBeNull(); // the same sign-in
  });

  it('let the emailed link sign in once, from any browser', async () => {
    const email = await account();
    const { link } = await ask(email);
    expect(await checkSignInLink(decodeURIComponent(link!))).toBe(email);
    expect(await checkSignInLink(decodeURIComponent(link!))).toBeNull();
  });

  it(`die after ${CODE_LIMITS.attemptsPerCode} wrong tries, and after ${CODE_LIMITS.ttlMinutes} minutes`, async () => {
    const email = await account();
    const first = await ask(email);
    const wrong = first.code === '00000000' ? '11111111' : '00000000';
    for (let index = 0; index < CODE_LIMITS.attemptsPerCode; index += 1) expect(await checkSignInCode(first.challenge, wrong)).toBeNull();
    expect(await checkSignInCode(first.challenge, first.code!)).toBeNull();

    const second = await ask(email);
    const [row] = await getDb()
      .select({ expiresAt: signInCodes.expiresAt })
      .from(signInCodes)
      .where(sql`${signInCodes.email} = ${email} and ${signInCodes.usedAt} is null and ${signInCodes.attempts} = 0`);
    expect(row!.expiresAt.getTime() - Date.now()).toBeGreaterThan((CODE_LIMITS.ttlMinutes - 1) * 60_000);
    expect(row!.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(CODE_LIMITS.ttlMinutes * 60_000);
    await getDb()
      .update(signInCodes)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(sql`${signInCodes.email} = ${email}`);
    expect(await checkSignInCode(second.challenge, second.code!)).toBeNull();
    expect(await checkSignInLink(decodeURIComponent(second.link!))).toBeNull();
  });

  it('answer an address without an account exactly alike, looking it up only after answering', async () => {
    const answers = [];
    for (const email of [await account(), `nobody-${randomUUID()}@newsroom.example`]) {
      const sent: OutgoingMail[] = [];
      const later: (() => Promise<void>)[] = [];
      const outcome = await requestSignInCode({ email, ip: client(), site }, { send: async (mail) => void sent.push(mail), defer: (task) => void later.push(task) });
      // Nothing about the account has been read or sent when the answer is given…
      expect([sent.length, later.length]).toEqual([0, 1]);
      answers.push({ ok: outcome.ok, keys: Object.keys(outcome), length: outcome.ok ? outcome.challenge.length : 0 });
      await Promise.all(later.map((task) => task()));
      answers.push({ sent: sent.length });
    }
    // …and the answers are the same; only the address with an account gets an email.
    expect(answers).toEqual([{ ok: true, keys: ['ok', 'challenge'], length: 43 }, { sent: 1 }, { ok: true, keys: ['ok', 'challenge'], length: 43 }, { sent: 0 }]);
    expect(CODE_SENT).toMatch(/^If that address belongs to a newsroom account/);
  });

  it('are sent at most 5 times per address and per client in 15 minutes', async () => {
    const email = await account();
    for (let index = 0; index < CODE_LIMITS.perAddress.limit; index += 1) await ask(email);
    const byAddress = await requestSignInCode({ email, ip: client(), site }, { send: async () => {} });
    expect(byAddress.ok || byAddress.retryAfterSeconds).toBeGreaterThan(800);
    const ip = client();
    for (let index = 0; index < CODE_LIMITS.perClient.limit; index += 1) await ask(await account(), ip);
    expect((await requestSignInCode({ email: await account(), ip, site }, { send: async () => {} })).ok).toBe(false);
  });

  it('keep working while the address is under password throttling, since they never touch its counts', async () => {
    const email = await account();
    for (let index = 0; index < 20; index += 1) await countLoginAttempt({ email, ip: client(), trustedDeviceId: null });
    expect(await countLoginAttempt({ email, ip: client(), trustedDeviceId: null })).toBeGreaterThan(0);
    const { challenge, code } = await ask(email);
    expect(await checkSignInCode(challenge, code!)).toBe(email);
  });
});

describe('signed-out sessions', () => {
  it('stay refused until their cookie would have expired, and are then forgotten', async () => {
    const ended = randomUUID();
    const other = randomUUID();
    await revokeSession(ended, new Date(Date.now() + 3600_000));
    expect(await isSessionRevoked(ended)).toBe(true);
    expect(await isSessionRevoked(other)).toBe(false);
    const stale = randomUUID();
    await revokeSession(stale, new Date(Date.now() - 1000));
    expect(await isSessionRevoked(stale)).toBe(false);
    await revokeSession(randomUUID(), new Date(Date.now() + 3600_000));
    expect(
      await getDb()
        .select()
        .from(revokedSessions)
        .where(sql`${revokedSessions.sessionId} = ${stale}`),
    ).toHaveLength(0);
  });
});
