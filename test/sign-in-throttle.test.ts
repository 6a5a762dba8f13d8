import { randomUUID } from 'node:crypto';

import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';

import { closeDb, getDb } from '@/db';
import { createUser, setUserPassword } from '@/db/queries/users';
import { backoffLimits } from '@/db/schema';
import { checkPassword } from '@/lib/auth/check-password';
import { deviceToken, readDeviceToken } from '@/lib/auth/device-token';
import { hashPassword } from '@/lib/auth/password';
import { countLoginAttempt, LOGIN_LIMITS, type LoginAttempt, loginSucceeded } from '@/lib/auth/throttle';
import { appSecret } from '@/lib/secret';

afterAll(closeDb);

const address = () => `owner-${randomUUID()}@newsroom.example`;
const client = () => `203.0.113.${Math.floor(Math.random() * 250)}-${randomUUID()}`;

/** Lets every wait on the keys of `email` run out, as if the attacker had waited them out. */
async function waitOut(email: string) {
  await getDb()
    .update(backoffLimits)
    .set({ blockedUntil: sql`now() - interval '1 second'` })
    .where(sql`${backoffLimits.key} like ${`%${email}%`}`);
}

/** Holds every key of `email` under a five-minute wait, as a long attack would, however slow this machine is. */
async function holdUnderAttack(email: string) {
  await getDb()
    .update(backoffLimits)
    .set({ blockedUntil: sql`now() + interval '5 minutes'` })
    .where(sql`${backoffLimits.key} like ${`%${email}%`}`);
}

async function fail(attempt: LoginAttempt, times: number): Promise<number[]> {
  const waits: number[] = [];
  for (let index = 0; index < times; index += 1) waits.push(await countLoginAttempt(attempt));
  return waits;
}

describe('sign-in throttling', () => {
  it('gives an address and client 5 free failures, then refuses with growing waits capped at 5 minutes', async () => {
    const attacker = { email: address(), ip: client(), trustedDeviceId: null };
    expect(await fail(attacker, LOGIN_LIMITS.perAddressAndClient.free + 1)).toEqual([0, 0, 0, 0, 0, 0]);
    const waits: number[] = [];
    for (let round = 0; round < 10; round += 1) {
      const refused = await countLoginAttempt(attacker);
      waits.push(refused);
      await waitOut(attacker.email);
      expect(await countLoginAttempt(attacker)).toBe(0); // the wait is over: one more guess
    }
    // 2 s after the 6th failure, then 4, 8…: each refusal reports the wait set by the last guess.
    expect(waits).toEqual([2, 4, 8, 16, 32, 64, 128, 256, 300, 300]);
  });

  it('counts parallel guesses before any is checked, so a burst gets no more than the free ones and one', async () => {
    const attacker = { email: address(), ip: client(), trustedDeviceId: null };
    const waits = await Promise.all(Array.from({ length: 12 }, () => countLoginAttempt(attacker)));
    expect(waits.filter((wait) => wait === 0)).toHaveLength(LOGIN_LIMITS.perAddressAndClient.free + 1);
  });

  it("never lets one attacker's client keep the owner out from another client", async () => {
    const email = address();
    const attacker = { email, ip: client(), trustedDeviceId: null };
    await fail(attacker, 30);
    expect(await countLoginAttempt(attacker)).toBeGreaterThan(0);
    expect(await countLoginAttempt({ email, ip: client(), trustedDeviceId: null })).toBe(0);
  });

  it('slows an address attacked from many clients, but never for the owner on a trusted device', async () => {
    const email = address();
    for (let index = 0; index <= LOGIN_LIMITS.perAddress.free; index += 1) await countLoginAttempt({ email, ip: client(), trustedDeviceId: null });
    // A new device of the owner's is slowed down with everyone else…
    expect(await countLoginAttempt({ email, ip: client(), trustedDeviceId: null })).toBe(2);
    // …but a device the account signed in on before is not, even from the attacker's own address,
    const trusted = { email, ip: client(), trustedDeviceId: randomUUID() };
    expect(await countLoginAttempt(trusted)).toBe(0);
    await loginSucceeded(trusted);
    // and it still has its own limit on guesses.
    expect(await fail(trusted, LOGIN_LIMITS.perAddressAndClient.free + 1)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(await countLoginAttempt(trusted)).toBe(2);
  });

  it('caps the attempts of one client on all addresses together', async () => {
    const ip = client();
    const waits = await Promise.all(Array.from({ length: LOGIN_LIMITS.perClient.limit + 1 }, () => countLoginAttempt({ email: address(), ip, trustedDeviceId: null })));
    expect(waits.filter((wait) => wait > 0)).toHaveLength(1);
    expect(await countLoginAttempt({ email: address(), ip, trustedDeviceId: null })).toBeGreaterThan(500);
    expect(await countLoginAttempt({ email: address(), ip: client(), trustedDeviceId: null })).toBe(0);
    // Clients without a trustworthy address share one cap rather than having none.
    const unknown = await Promise.all(Array.from({ length: LOGIN_LIMITS.perClient.limit + 1 }, () => countLoginAttempt({ email: address(), ip: null, trustedDeviceId: null })));
    expect(unknown.some((wait) => wait > 0)).toBe(true);
  });

  it("forgets the owner's own failures on success, but the address only gets that attempt back", async () => {
    const email = address();
    const owner = { email, ip: client(), trustedDeviceId: null };
    await fail(owner, 4);
    await fail({ email, ip: client(), trustedDeviceId: null }, 4);
    await countLoginAttempt(owner);
    await loginSucceeded(owner);
    const rows = await getDb()
      .select()
      .from(backoffLimits)
      .where(sql`${backoffLimits.key} like ${`%${email}%`}`);
    expect(rows.map((row) => [row.key.split(':')[1], row.failures]).sort()).toEqual([
      ['email', 8],
      ['pair', 4],
    ]);
  });
});

describe('trusted device tokens', () => {
  const device = { deviceId: 'dev1ce', userId: randomUUID(), sessionVersion: 3 };

  it('read back only untouched, with the same secret, and for at most 180 days', () => {
    const token = deviceToken(device, 'secret-one');
    expect(readDeviceToken(token, 'secret-one')).toEqual(device);
    expect(readDeviceToken(token, 'secret-two')).toBeNull();
    expect(readDeviceToken(token.replace(device.userId, randomUUID()), 'secret-one')).toBeNull();
    expect(readDeviceToken(token.replace('.3.', '.4.'), 'secret-one')).toBeNull();
    expect(readDeviceToken(`${token}x`, 'secret-one')).toBeNull();
    expect(readDeviceToken(undefined, 'secret-one')).toBeNull();
    expect(readDeviceToken(token, 'secret-one', Date.now() + 181 * 86400_000)).toBeNull();
  });
});

describe('password sign-in from a trusted device', () => {
  it('passes an address under attack only with a device token of that account and its current password', async () => {
    const email = address();
    const user = (await createUser({ email, name: 'Olive Owner', role: 'editor', passwordHash: await hashPassword('the right password') }))!;
    const attackerIp = client();
    for (let index = 0; index < 40; index += 1) await countLoginAttempt({ email, ip: index % 2 ? attackerIp : client(), trustedDeviceId: null });
    await holdUnderAttack(email);
    const check = async (token: string | undefined, ip = attackerIp) => {
      const checked = await checkPassword({ email, password: 'the right password', ip, deviceToken: token });
      return 'waitSeconds' in checked ? 'throttled' : checked;
    };
    expect(await check(undefined)).toBe('throttled');
    expect(await check(undefined, client())).toBe('throttled');

    const token = deviceToken({ deviceId: 'owners-laptop', userId: user.id, sessionVersion: user.sessionVersion }, appSecret());
    expect(await check(token)).toMatchObject({ user: { id: user.id }, deviceId: 'owners-laptop' });
    expect(await check(token)).toMatchObject({ user: { id: user.id } });
    const someoneElses = deviceToken({ deviceId: 'other', userId: randomUUID(), sessionVersion: 0 }, appSecret());
    expect(await check(someoneElses)).toBe('throttled');
    // A new password ends the trust of every device.
    await setUserPassword(user.id, await hashPassword('the right password'));
    expect(await check(token)).toBe('throttled');
  });
});
