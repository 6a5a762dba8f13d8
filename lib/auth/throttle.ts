import 'server-only';
import { clearRateLimit, hitRateLimit, peekRateLimit } from '@/db/queries/rate-limits';

export const LOGIN_LIMIT = { failures: 5, windowSeconds: 15 * 60 };

const keys = (email: string, ip: string) => [`login:email:${email}`, `login:ip:${ip}`];

/** Seconds until another login attempt is allowed for this address or IP, or 0 when it is. */
export async function loginBlockedFor(email: string, ip: string): Promise<number> {
  const results = await Promise.all(keys(email, ip).map((key) => peekRateLimit(key, LOGIN_LIMIT.failures, LOGIN_LIMIT.windowSeconds)));
  return Math.max(0, ...results.map((result) => (result.allowed ? 0 : result.retryAfterSeconds)));
}

export async function recordLoginFailure(email: string, ip: string): Promise<void> {
  await Promise.all(keys(email, ip).map((key) => hitRateLimit(key, LOGIN_LIMIT.failures, LOGIN_LIMIT.windowSeconds)));
}

export async function clearLoginFailures(email: string, ip: string): Promise<void> {
  await Promise.all(keys(email, ip).map(clearRateLimit));
}
