import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '../index';
import { rateLimits } from '../schema';

export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** The longest window a limit may have: the clean-up removes counters whose window started before it. */
export const MAX_RATE_LIMIT_WINDOW_SECONDS = 86_400;

/**
 * Counts one attempt against `key` in a fixed window, in a single atomic statement, so concurrent
 * requests on any number of app servers share one count.
 */
export async function hitRateLimit(key: string, limit: number, windowSeconds: number): Promise<RateLimitResult> {
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
  if (!row || row.count <= limit) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, row.retryAfter) };
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
