import 'server-only';

import { unstable_cache } from 'next/cache';

import { isDatabaseUnreachable } from '@/db';
import { readLiveBanner } from '@/db/queries/breaking-news';
import { log, reasonOf } from '@/lib/log';

import { inNextRequest } from '../cache/in-request';
import { liveUntil, retryAfterOutage } from '../cache/live-until';
import { BANNER_TAG, DATABASE_TAG } from '../cache/tags';
import { building } from '../content/published';
import { env } from '../env.mjs';

/** What a reader page shows of the live banner. */
export type LiveBanner = { id: string; text: string; href: string | null; expiresAt: Date };

type Cached = Omit<LiveBanner, 'expiresAt'> & { expiresAt: string };

async function readLive(now: Date): Promise<Cached | null> {
  const banner = await readLiveBanner(now);
  return banner && { id: banner.id, text: banner.text, href: banner.href, expiresAt: banner.expiresAt.toISOString() };
}

// Expired by a new banner, a take-down and the expiry job (BANNER_TAG), on every server.
const cachedLive = unstable_cache(() => readLive(new Date()), ['breaking-news', 'live'], { tags: [DATABASE_TAG, BANNER_TAG] });

// `next build` reads no database, but its pages must carry the tag, or a banner would never reach them.
const atBuild = unstable_cache(async (): Promise<null> => null, ['breaking-news', 'build'], { tags: [DATABASE_TAG, BANNER_TAG] });

/**
 * The banner live at `now`, or null: never an expired one, whatever the cache holds. Without a
 * database (a build, an outage) there is none.
 */
export async function getLiveBanner(now: Date = new Date()): Promise<LiveBanner | null> {
  if (building()) return atBuild();
  if (!env.DATABASE_URL) return null;
  let cached: Cached | null;
  try {
    cached = inNextRequest() ? await cachedLive() : await readLive(now);
  } catch (error) {
    if (!isDatabaseUnreachable(error)) throw error;
    log.warn({ reason: reasonOf(error) }, 'The database cannot be reached; pages show no breaking-news banner for now');
    if (inNextRequest()) await retryAfterOutage('breaking-news', now);
    return null;
  }
  if (!cached) return null;
  const banner = { ...cached, expiresAt: new Date(cached.expiresAt) };
  if (banner.expiresAt.getTime() <= now.getTime()) return null;
  // Even if the expiry job never ran, the page renders again once the banner has expired (and a render after it never shows it, above).
  if (inNextRequest()) await liveUntil('breaking-news', banner.expiresAt, now);
  return banner;
}
