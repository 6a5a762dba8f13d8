import 'server-only';

import { createHmac } from 'node:crypto';

import { createChallenge, type Payload, randomInt, verifySolution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { z } from 'zod';

import { hitRateLimit } from '@/db/queries/rate-limits';

import { appSecret } from '../secret';

/**
 * The proof of work (ALTCHA, verified here, no third party): about a second of a phone's time for a
 * reader, and as much for every sign-up a script wants past the threshold.
 */
export const CHALLENGE = { algorithm: 'PBKDF2/SHA-256', cost: 1000, counterMin: 1000, counterMax: 3000, ttlSeconds: 600 };

type ChallengeCheck = 'passed' | 'missing' | 'failed';

/** Carries the address typed to the page that runs the challenge, for its few minutes. */
export const PENDING_ADDRESS_COOKIE = 'newsletter-address';

// Keys of their own, derived from APP_SECRET, so a challenge signature can never pass for another.
function secrets() {
  const derive = (purpose: string) => createHmac('sha256', appSecret()).update(purpose).digest('hex');
  return { hmacSignatureSecret: derive('newsletter challenge'), hmacKeySignatureSecret: derive('newsletter challenge key') };
}

/** A signed challenge, as the JSON the widget takes. */
export async function newChallenge(issuedAt = new Date()): Promise<string> {
  const challenge = await createChallenge({
    algorithm: CHALLENGE.algorithm,
    cost: CHALLENGE.cost,
    counter: randomInt(CHALLENGE.counterMax, CHALLENGE.counterMin),
    deriveKey,
    expiresAt: new Date(issuedAt.getTime() + CHALLENGE.ttlSeconds * 1000),
    ...secrets(),
  });
  return JSON.stringify(challenge);
}

const payloadSchema = z.object({
  challenge: z.object({
    parameters: z.looseObject({ algorithm: z.string(), nonce: z.string(), salt: z.string(), cost: z.number(), keyLength: z.number(), keyPrefix: z.string() }),
    signature: z.string().min(1),
  }),
  solution: z.object({ counter: z.number(), derivedKey: z.string() }),
});

function parsePayload(payload: string): Payload | null {
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(Buffer.from(payload, 'base64').toString('utf8')));
    return parsed.success ? (parsed.data as Payload) : null;
  } catch {
    return null;
  }
}

/**
 * Checks the widget's answer: signed by this site, not expired, solved, and not used before (its
 * signature is counted once in PostgreSQL, so a replay fails on every app server).
 */
export async function checkChallenge(payload: string | undefined): Promise<ChallengeCheck> {
  if (!payload) return 'missing';
  const parsed = parsePayload(payload);
  if (!parsed) return 'failed';
  const result = await verifySolution({ challenge: parsed.challenge, solution: parsed.solution, deriveKey, ...secrets() }).catch(() => null);
  if (!result?.verified) return 'failed';
  const firstUse = await hitRateLimit(`challenge:${parsed.challenge.signature}`, 1, CHALLENGE.ttlSeconds);
  return firstUse.allowed ? 'passed' : 'failed';
}
