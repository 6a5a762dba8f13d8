import 'server-only';
import { and, eq, gt, sql } from 'drizzle-orm';
import { getDb } from '../index';
import { rateLimits } from '../schema';

export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts one attempt against `key` in a fixed window, in a single atomic statement, so concurrent
 * requests on any number of app servers share one count. Returns the count including this attempt.
 */
export async function countAttempt(key: string, windowSeconds: number): Promise<{ count: number; retryAfterSeconds: number }> {
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

/** Takes back one counted attempt, e.g. a login that turned out to be right. */
export async function releaseRateLimit(key: string): Promise<void> {
  await getDb()
    .update(rateLimits)
    .set({ count: sql`greatest(${rateLimits.count} - 1, 0)` })
    .where(eq(rateLimits.key, key));
}
