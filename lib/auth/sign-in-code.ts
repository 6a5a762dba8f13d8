import 'server-only';

import { createHash, createHmac, randomBytes, randomInt } from 'node:crypto';

import { hitRateLimit } from '@/db/queries/rate-limits';
import { createSignInCode, spendSignInCode, spendSignInLink } from '@/db/queries/sign-in-codes';
import { getUserForLogin } from '@/db/queries/users';
import { log } from '@/lib/log';

import type { Site } from '../content/types';
import { type SendMail, sendMail as defaultSendMail } from '../mail/transport';
import { absoluteUrl, routes } from '../routes';
import { appSecret } from '../secret';
import { signInCodeMail } from './sign-in-mail';

/**
 * The expiry equals the sending window: whoever uses up an address's sends, the latest email in
 * its inbox still holds a working link until a new code can be asked for.
 */
export const CODE_LIMITS = {
  ttlMinutes: 15,
  attemptsPerCode: 5,
  perAddress: { limit: 5, windowSeconds: 15 * 60 },
  perClient: { limit: 5, windowSeconds: 15 * 60 },
};

export const CODE_SENT = 'If that address belongs to a newsroom account, we have emailed it a sign-in code and a link. Both work once, for 15 minutes.';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
// Keyed with the secret: eight digits alone are quickly found from a bare SHA-256.
const codeHash = (challengeHash: string, code: string) => createHmac('sha256', appSecret()).update(`sign-in-code:${challengeHash}:${code}`).digest('hex');

export type CodeRequest = { email: string; ip: string | null; site: Site };
type Delivery = { send?: SendMail; defer?: (task: () => Promise<void>) => void };
export type CodeRequestOutcome = { ok: true; challenge: string } | { ok: false; retryAfterSeconds: number };

/**
 * Makes a code for `email` and returns the challenge the asking browser keeps. The row is made and
 * the answer given whether or not the address has an account; the account is looked up and the
 * email sent after the response, so neither the words nor the time tell.
 */
export async function requestSignInCode({ email, ip, site }: CodeRequest, { send = defaultSendMail, defer }: Delivery = {}): Promise<CodeRequestOutcome> {
  // Clients without a trustworthy address are not pooled here (as they are for passwords): one of
  // them could then stop every owner from getting a code.
  const limits = [...(ip ? [[`sign-in-code:client:${ip}`, CODE_LIMITS.perClient] as const] : []), [`sign-in-code:email:${email}`, CODE_LIMITS.perAddress] as const];
  for (const [key, { limit, windowSeconds }] of limits) {
    const result = await hitRateLimit(key, limit, windowSeconds);
    if (!result.allowed) return { ok: false, retryAfterSeconds: result.retryAfterSeconds };
  }
  const challenge = randomBytes(32).toString('base64url');
  const link = randomBytes(32).toString('base64url');
  const code = String(randomInt(0, 100_000_000)).padStart(8, '0');
  const challengeHash = sha256(challenge);
  const expiresAt = new Date(Date.now() + CODE_LIMITS.ttlMinutes * 60_000);
  await createSignInCode({ challengeHash, linkHash: sha256(link), codeHash: codeHash(challengeHash, code), email, expiresAt });
  const deliver = async () => {
    const user = await getUserForLogin(email);
    if (!user?.active) return;
    const linkUrl = absoluteUrl(site, routes.editor.loginCode(link));
    try {
      await send(signInCodeMail({ site, to: email, code, linkUrl, minutes: CODE_LIMITS.ttlMinutes }));
    } catch (error) {
      log.error({ err: error }, 'Sending a sign-in code failed');
    }
  };
  if (defer) defer(deliver);
  else await deliver();
  return { ok: true, challenge };
}

/** The address a typed code signs in, or null (wrong, used, expired, or too many tries). */
export async function checkSignInCode(challenge: string, code: string): Promise<string | null> {
  const digits = code.replace(/\s+/g, '');
  if (!/^\d{8}$/.test(digits)) return null;
  const challengeHash = sha256(challenge);
  return spendSignInCode(challengeHash, codeHash(challengeHash, digits), CODE_LIMITS.attemptsPerCode);
}

/** The address an emailed link signs in, or null. */
export async function checkSignInLink(link: string): Promise<string | null> {
  return spendSignInLink(sha256(link));
}
