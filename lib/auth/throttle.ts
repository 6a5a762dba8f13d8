import 'server-only';

import { type Backoff, clearBackoff, clearRateLimit, forgetIdleBackoffs, hitBackoff, hitRateLimit, refundBackoff } from '@/db/queries/rate-limits';

/**
 * Sign-in limits. Each counted attempt is counted before the password is checked, so parallel
 * guesses cannot slip past; a right password takes its count back.
 * - per client (all addresses together): a cap on attempts, since each one costs a password hash;
 * - per address and client: 5 free failures, then waits of 2, 4, 8… seconds up to 5 minutes;
 * - per address (from anywhere): 10 free failures, then the same growing waits;
 * - from a device the account signed in on before: only its own per-address-and-device count, so
 *   failures from elsewhere never keep the owner out.
 */
export const LOGIN_LIMITS = {
  perClient: { limit: 30, windowSeconds: 10 * 60 },
  perAddressAndClient: { free: 5, capSeconds: 5 * 60, forgetSeconds: 60 * 60 } satisfies Backoff,
  perAddress: { free: 10, capSeconds: 5 * 60, forgetSeconds: 60 * 60 } satisfies Backoff,
};

export type LoginAttempt = { email: string; ip: string | null; trustedDeviceId: string | null };

// Without a trustworthy address, every such client shares one count: the cap still holds.
const clientKey = (ip: string | null) => `login:client:${ip ?? 'unknown'}`;
const addressKey = (email: string) => `login:email:${email}`;

function pairKey({ email, ip, trustedDeviceId }: LoginAttempt): string | null {
  if (trustedDeviceId) return `login:device:${email}:${trustedDeviceId}`;
  return ip ? `login:pair:${email}:${ip}` : null;
}

/** Counts a sign-in attempt and returns 0, or the seconds to wait before this one may be tried. */
export async function countLoginAttempt(attempt: LoginAttempt): Promise<number> {
  const pair = pairKey(attempt);
  if (attempt.trustedDeviceId) {
    const result = await hitBackoff(pair!, LOGIN_LIMITS.perAddressAndClient);
    return result.allowed ? 0 : result.retryAfterSeconds;
  }
  // One after the other: an attempt refused by one count does not add to the next.
  const checks = [
    () => hitRateLimit(clientKey(attempt.ip), LOGIN_LIMITS.perClient.limit, LOGIN_LIMITS.perClient.windowSeconds),
    ...(pair ? [() => hitBackoff(pair, LOGIN_LIMITS.perAddressAndClient)] : []),
    () => hitBackoff(addressKey(attempt.email), LOGIN_LIMITS.perAddress),
  ];
  for (const check of checks) {
    const result = await check();
    if (!result.allowed) return result.retryAfterSeconds;
  }
  return 0;
}

/**
 * The right password: this client's own failures for the address are forgotten, and the address
 * only gets this attempt back, so the owner signing in never wipes what an attacker has run up.
 * The per-client cap keeps its count: it limits work, not mistakes. Keys idle for longer than they
 * are remembered are swept here, so an attack's many keys do not pile up.
 */
export async function loginSucceeded(attempt: LoginAttempt): Promise<void> {
  const pair = pairKey(attempt);
  await Promise.all([
    ...(pair ? [clearBackoff(pair)] : []),
    ...(attempt.trustedDeviceId ? [] : [refundBackoff(addressKey(attempt.email))]),
    forgetIdleBackoffs(LOGIN_LIMITS.perAddress.forgetSeconds),
  ]);
}

const PASSWORD_CHECK_LIMIT = { failures: 5, windowSeconds: 15 * 60 };

/** Guesses of the current password when changing it, limited per account. */
export async function countPasswordCheck(userId: string): Promise<number> {
  const result = await hitRateLimit(`password-check:${userId}`, PASSWORD_CHECK_LIMIT.failures, PASSWORD_CHECK_LIMIT.windowSeconds);
  return result.allowed ? 0 : result.retryAfterSeconds;
}

export async function passwordCheckSucceeded(userId: string): Promise<void> {
  await clearRateLimit(`password-check:${userId}`);
}
