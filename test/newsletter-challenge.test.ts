import { type Challenge, createChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { afterAll, describe, expect, it } from 'vitest';

import { closeDb } from '@/db';
import { CHALLENGE, checkChallenge, newChallenge } from '@/lib/newsletter/challenge';

import { solved } from './helpers/challenge';

afterAll(closeDb);

const edit = (payload: string, change: (decoded: { challenge: Challenge; solution: { derivedKey: string } }) => void) => {
  const decoded = JSON.parse(Buffer.from(payload, 'base64').toString('utf8'));
  change(decoded);
  return Buffer.from(JSON.stringify(decoded)).toString('base64');
};

describe('proof-of-work challenge', () => {
  it('a solved challenge passes once; the same answer again is refused', async () => {
    const answer = await solved(newChallenge());
    expect(await checkChallenge(answer)).toBe('passed');
    expect(await checkChallenge(answer)).toBe('failed');
  });

  it('the same answer sent twice at once passes only once', async () => {
    const answer = await solved(newChallenge());
    expect((await Promise.all([checkChallenge(answer), checkChallenge(answer), checkChallenge(answer)])).sort()).toEqual(['failed', 'failed', 'passed']);
  });

  it('an expired challenge is refused, even solved', async () => {
    const issued = new Date(Date.now() - (CHALLENGE.ttlSeconds + 5) * 1000);
    expect(await checkChallenge(await solved(newChallenge(issued)))).toBe('failed');
  });

  it('forged, tampered, unsolved or malformed answers are refused', async () => {
    const foreign = await createChallenge({ algorithm: CHALLENGE.algorithm, cost: 1, deriveKey, hmacSignatureSecret: 'not-our-secret' });
    expect(await checkChallenge(await solved(JSON.stringify(foreign)))).toBe('failed');
    const unsigned = await createChallenge({ algorithm: CHALLENGE.algorithm, cost: 1, deriveKey });
    expect(await checkChallenge(await solved(JSON.stringify(unsigned)))).toBe('failed');

    const genuine = await solved(newChallenge());
    expect(await checkChallenge(edit(genuine, (payload) => (payload.challenge.parameters.cost = 1)))).toBe('failed');
    expect(await checkChallenge(edit(genuine, (payload) => (payload.challenge.parameters.expiresAt = 4_000_000_000)))).toBe('failed');
    const flip = (hex: string) => `${hex.slice(0, -1)}${hex.endsWith('0') ? '1' : '0'}`;
    expect(await checkChallenge(edit(genuine, (payload) => (payload.solution.derivedKey = flip(payload.solution.derivedKey))))).toBe('failed');
    for (const garbage of ['not base64 at all', Buffer.from('{"challenge":1}').toString('base64'), Buffer.from('[').toString('base64')]) {
      expect(await checkChallenge(garbage)).toBe('failed');
    }
    expect(await checkChallenge(undefined)).toBe('missing');
    // The genuine answer was never spent by the tampered copies.
    expect(await checkChallenge(genuine)).toBe('passed');
  });

  it('challenges differ every time and carry their expiry', async () => {
    const [first, second] = [JSON.parse(await newChallenge()), JSON.parse(await newChallenge())];
    expect(first.parameters.nonce).not.toBe(second.parameters.nonce);
    expect(first.parameters.expiresAt).toBeGreaterThan(Date.now() / 1000 + CHALLENGE.ttlSeconds - 5);
  });
});
