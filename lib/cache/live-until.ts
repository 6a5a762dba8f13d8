import 'server-only';

import { unstable_cache } from 'next/cache';

/** How soon a page rendered while the database could not be reached is rendered again. */
export const OUTAGE_RETRY_MS = 30_000;

/**
 * Bounds the lifetime of the page being rendered: an unstable_cache entry's revalidate becomes the
 * page's, so the page renders again at `until` even if the job that expires its tag never ran.
 * `key` names the concern (the banner, the front page), so each keeps entries of its own.
 */
export async function liveUntil(key: string, until: Date, now: Date): Promise<void> {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  await unstable_cache(async () => true, [key, 'until', until.toISOString()], { revalidate: seconds })();
}

/** After an outage: rendered again soon once the database is back (as published.ts's outage pages are). */
export const retryAfterOutage = (key: string, now: Date): Promise<void> => liveUntil(key, new Date(now.getTime() + OUTAGE_RETRY_MS), now);
