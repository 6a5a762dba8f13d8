import 'server-only';
import { clearRateLimit, hitRateLimit, releaseRateLimit } from '@/db/queries/rate-limits';

const LOGIN_LIMIT = { failures: 5, windowSeconds: 15 * 60 };

const emailKey = (email: string) => `login:email:${email}`;
const ipKey = (ip: string) => `login:ip:${ip}`;

/**
 * Counts a sign-in attempt before the password is checked (so a burst of parallel guesses cannot
 * all slip in under the limit) and returns the seconds to wait when this address or IP is over it.
 */
export async function countLoginAttempt(email: string, ip: string | null): Promise<number> {
  const keys = [emailKey(email), ...(ip ? [ipKey(ip)] : [])];
  const results = await Promise.all(keys.map((key) => hitRateLimit(key, LOGIN_LIMIT.failures, LOGIN_LIMIT.windowSeconds)));
  return Math.max(0, ...results.map((result) => (result.allowed ? 0 : result.retryAfterSeconds)));
}

/**
 * A successful sign-in clears the address's failures, and only un-counts itself for the IP: signing
 * in to one's own account must not wipe the failures an IP piled up against other addresses.
 */
export async function loginSucceeded(email: string, ip: string | null): Promise<void> {
  await Promise.all([clearRateLimit(emailKey(email)), ...(ip ? [releaseRateLimit(ipKey(ip))] : [])]);
}

/** Guesses of the current password when changing it, limited like sign-ins, per account. */
export async function countPasswordCheck(userId: string): Promise<number> {
  const result = await hitRateLimit(`password-check:${userId}`, LOGIN_LIMIT.failures, LOGIN_LIMIT.windowSeconds);
  return result.allowed ? 0 : result.retryAfterSeconds;
}

export async function passwordCheckSucceeded(userId: string): Promise<void> {
  await clearRateLimit(`password-check:${userId}`);
}
