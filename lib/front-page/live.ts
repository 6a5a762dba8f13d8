import 'server-only';

import { unstable_cache } from 'next/cache';

import { isDatabaseUnreachable } from '@/db';
import { readFrontPageSlots } from '@/db/queries/front-page';
import { log, reasonOf } from '@/lib/log';

import { inNextRequest } from '../cache/in-request';
import { liveUntil, retryAfterOutage } from '../cache/live-until';
import { DATABASE_TAG, HOME_TAG } from '../cache/tags';
import { building } from '../content/published';
import { env } from '../env.mjs';
import { chosenAt, nextExpiry } from './slots';

type Cached = { position: number; articleSlug: string; pinnedUntil: string | null };
type Row = { position: number; articleSlug: string; pinnedUntil: Date | null };

async function read(): Promise<Cached[]> {
  const rows = await readFrontPageSlots();
  return rows.map(({ position, articleSlug, pinnedUntil }) => ({ position, articleSlug, pinnedUntil: pinnedUntil?.toISOString() ?? null }));
}

// Expired by every save (HOME_TAG, on every server) and by the pins' expiry job.
const cached = unstable_cache(read, ['front-page', 'slots'], { tags: [DATABASE_TAG, HOME_TAG] });

/**
 * The newsroom's choices in force at `now`, by position (undefined: automatic), never an expired
 * pin whatever the cache holds. Without a database (a build, an outage) every position is automatic.
 */
export async function getChosenSlots(now: Date = new Date()): Promise<(string | undefined)[]> {
  if (building() || !env.DATABASE_URL) return [];
  let rows: Row[];
  try {
    const stored = inNextRequest() ? await cached() : await read();
    rows = stored.map((row) => ({ ...row, pinnedUntil: row.pinnedUntil ? new Date(row.pinnedUntil) : null }));
  } catch (error) {
    if (!isDatabaseUnreachable(error)) throw error;
    log.warn({ reason: reasonOf(error) }, 'The database cannot be reached; the front page is automatic for now');
    if (inNextRequest()) await retryAfterOutage('front-page', now);
    return [];
  }
  // The home page renders again when the next pin ends, even if its expiry job never ran.
  const expiry = nextExpiry(rows, now);
  if (expiry && inNextRequest()) await liveUntil('front-page', expiry, now);
  return chosenAt(rows, now);
}
