import 'server-only';

import { unstable_cache } from 'next/cache';

import { isDatabaseUnreachable } from '@/db';
import { readSiteSettings } from '@/db/queries/site-settings';
import { log, reasonOf } from '@/lib/log';

import { inNextRequest } from '../cache/in-request';
import { DATABASE_TAG, SITE_SETTINGS_TAG } from '../cache/tags';
import { env } from '../env.mjs';
import { applyOverrides, type SiteOverrides, validOverrides } from '../site-settings/schema';
import { building } from './published';
import type { Site } from './types';

// The settings admins saved in the newsroom, over content/site.json. Read through one tagged cache
// entry, whose tags become those of every page that shows the site's name or navigation: a save
// expires SITE_SETTINGS_TAG and those pages render again on their next request, on every server.

const readOverrides = async (): Promise<SiteOverrides> => validOverrides((await readSiteSettings())?.settings ?? {});

const cachedOverrides = unstable_cache(readOverrides, ['site-settings'], { tags: [DATABASE_TAG, SITE_SETTINGS_TAG] });

// Unreachable database: the file's values, for a short while (see OUTAGE_RETRY_SECONDS in published.ts).
const withoutDatabase = unstable_cache(async (): Promise<SiteOverrides> => ({}), ['site-settings', 'without-database'], { revalidate: 30 });

// `next build` reads no database, but the pages it prerenders must carry the tags all the same: a
// page without them would never render again when the settings change.
const atBuild = unstable_cache(async (): Promise<SiteOverrides> => ({}), ['site-settings', 'build'], { tags: [DATABASE_TAG, SITE_SETTINGS_TAG] });

async function overrides(): Promise<SiteOverrides> {
  if (building()) return atBuild();
  if (!env.DATABASE_URL) return {};
  try {
    // A queue worker sending a newsletter runs outside any request: it reads the row itself.
    return await (inNextRequest() ? cachedOverrides() : readOverrides());
  } catch (error) {
    if (!isDatabaseUnreachable(error)) throw error;
    log.warn({ reason: reasonOf(error) }, 'The database cannot be reached; using content/site.json’s settings for now');
    return inNextRequest() ? withoutDatabase() : {};
  }
}

/** The site as readers see it: content/site.json with the newsroom's settings over it. */
export async function siteWithSettings(file: Site): Promise<Site> {
  return applyOverrides(file, await overrides());
}
