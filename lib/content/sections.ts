import 'server-only';

import { unstable_cache } from 'next/cache';
import { cache } from 'react';

import { isDatabaseUnreachable } from '@/db';
import { listSections } from '@/db/queries/sections';
import { log } from '@/lib/log';

import { inNextRequest } from '../cache/in-request';
import { DATABASE_TAG, SECTIONS_TAG } from '../cache/tags';
import { env } from '../env.mjs';
import { building } from './published';
import type { Category } from './types';

/** The newsroom's live sections in order, and where each retired one's articles went. */
export type NewsroomSections = { live: Category[]; moved: Record<string, string> };

const NONE: NewsroomSections = { live: [], moved: {} };

/** Read now, past every cache: for work done outside a page (which tags a publication expires). */
export async function readNewsroomSections(): Promise<NewsroomSections> {
  if (building() || !env.DATABASE_URL) return NONE;
  const rows = await listSections();
  return {
    live: rows.filter((row) => !row.retiredAt).map(({ slug, name, description }) => ({ slug, name, description })),
    moved: Object.fromEntries(rows.flatMap((row) => (row.retiredAt && row.movedTo ? [[row.slug, row.movedTo]] : []))),
  };
}

const read = unstable_cache(readNewsroomSections, ['newsroom-sections'], { tags: [DATABASE_TAG, SECTIONS_TAG] });

// `next build` reads no database, but the pages it prerenders must carry the tags all the same: a
// page without them would never render again when a section is added, renamed or retired.
const atBuild = unstable_cache(async (): Promise<NewsroomSections> => NONE, ['newsroom-sections', 'build'], { tags: [DATABASE_TAG, SECTIONS_TAG] });

/** Read through a cache whose tag (SECTIONS_TAG) every section change expires; none while building. */
export const newsroomSections = cache(async (): Promise<NewsroomSections> => {
  if (building()) return atBuild();
  if (!env.DATABASE_URL) return NONE;
  try {
    // Work outside a Next.js server's requests (a queue worker, tests, scripts) has no incremental
    // cache to keep the entry in: it reads the table, as a cache miss would.
    return inNextRequest() ? await read() : await readNewsroomSections();
  } catch (error) {
    if (!isDatabaseUnreachable(error)) throw error;
    log.error({ err: error }, 'The database cannot be reached; showing the sections of content/ alone for now');
    return NONE;
  }
});
