import 'server-only';

import { and, eq, gt, type SQL, sql } from 'drizzle-orm';

import { getDb } from '../index';
import { backoffLimits, rateLimits } from '../schema';

export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** The longest window a limit may have: the clean-up removes counters whose window started before it. */
export const MAX_RATE_LIMIT_WINDOW_SECONDS = 86_400;

/**
 * Counts one attempt against `key` in a fixed window, in a single atomic statement, so concurrent
 * requests on any number of app servers share one count. Returns the count including this attempt.
 */
export async function countAttempt(key: string, windowSeconds: number): Promise<{ count: number; retryAfterSeconds: number }> {
  if (windowSeconds > MAX_RATE_LIMIT_WINDOW_SECONDS) throw new Error(`A rate-limit window of ${windowSeconds} s is longer than the clean-up keeps counters.`);
  const window = sql`make_interval(secs => ${windowSeconds})`;
  const [row] = await getDb()
    .insert(rateLimits)
    .values({ key, windowStart: sql`now()`, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${rateLimits.windowStart} <= now() - ${window} then 1 else ${rateLimits.count} + 1 end`,
        windowStart: sql`case when ${rateLimits.windowStart} <= now() - ${window} then now() else ${rateLimits.windowStart} end`,
      },
    })
    .returning({
      count: rateLimits.count,
      retryAfter: sql<number>`ceil(extract(epoch from (${rateLimits.windowStart} + ${window} - now())))::int`,
    });
  return { count: row?.count ?? 1, retryAfterSeconds: Math.max(1, row?.retryAfter ?? windowSeconds) };
}

/** Counts one attempt against `key` and says whether it is within `limit` per window. */
export async function hitRateLimit(key: string, limit: number, windowSeconds: number): Promise<RateLimitResult> {
  const { count, retryAfterSeconds } = await countAttempt(key, windowSeconds);
  return count <= limit ? { allowed: true } : { allowed: false, retryAfterSeconds };
}

/** The attempts counted against `key` in its current window, without counting one. */
export async function peekAttempts(key: string, windowSeconds: number): Promise<number> {
  const [row] = await getDb()
    .select({ count: rateLimits.count })
    .from(rateLimits)
    .where(and(eq(rateLimits.key, key), gt(rateLimits.windowStart, sql`now() - make_interval(secs => ${windowSeconds})`)));
  return row?.count ?? 0;
}

/** Forgets a key's attempts, e.g. after a successful login. */
export async function clearRateLimit(key: string): Promise<void> {
  await getDb().delete(rateLimits).where(eq(rateLimits.key, key));
}

export type Backoff = { free: number; capSeconds: number; forgetSeconds: number };

/**
 * Counts one attempt against `key` unless the key is waiting out a delay, in one atomic statement
 * (the row lock makes parallel attempts queue, so a burst cannot slip past the count). After
 * `free` counted attempts, the n-th further one sets a wait of 2^n seconds, up to `capSeconds`;
 * a key left alone for `forgetSeconds` starts again from zero. Counting before the password is
 * checked is what makes it safe; a right password takes its count back (refundBackoff).
 */
export async function hitBackoff(key: string, { free, capSeconds, forgetSeconds }: Backoff): Promise<RateLimitResult> {
  const t = backoffLimits;
  const failures = sql`case when ${t.updatedAt} < now() - make_interval(secs => ${forgetSeconds}) then 1 else ${t.failures} + 1 end`;
  const blockedUntil = (count: SQL) => sql`case when ${count} <= ${free} then null else now() + make_interval(secs => least(power(2, ${count} - ${free}), ${capSeconds})) end`;
  const [counted] = await getDb()
    .insert(t)
    .values({ key, failures: 1, blockedUntil: blockedUntil(sql`1`), updatedAt: sql`now()` })
    .onConflictDoUpdate({
      target: t.key,
      set: { failures, blockedUntil: blockedUntil(failures), updatedAt: sql`now()` },
      setWhere: sql`${t.blockedUntil} is null or ${t.blockedUntil} <= clock_timestamp()`,
    })
    .returning({ failures: t.failures });
  if (counted) return { allowed: true };
  const [row] = await getDb()
    .select({ wait: sql<number>`ceil(extract(epoch from (${t.blockedUntil} - clock_timestamp())))::int` })
    .from(t)
    .where(eq(t.key, key));
  return { allowed: false, retryAfterSeconds: Math.max(1, row?.wait ?? 1) };
}

/** Takes back one counted attempt (it was the right password); any wait already set stands. */
export async function refundBackoff(key: string): Promise<void> {
  await getDb()
    .update(backoffLimits)
    .set({ failures: sql`greatest(${backoffLimits.failures} - 1, 0)` })
    .where(eq(backoffLimits.key, key));
}

export async function clearBackoff(key: string): Promise<void> {
  await getDb().delete(backoffLimits).where(eq(backoffLimits.key, key));
}

/** Forgets keys nobody has tried for `seconds` (their counts would start from zero anyway). */
export async function forgetIdleBackoffs(seconds: number): Promise<void> {
  await getDb()
    .delete(backoffLimits)
    .where(sql`${backoffLimits.updatedAt} < now() - make_interval(secs => ${seconds})`);
}
