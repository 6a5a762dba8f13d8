import 'server-only';

import { unstable_cache } from 'next/cache';
import { cache } from 'react';

import { isDatabaseUnreachable } from '@/db';
import { getAuthorProfileBySlug } from '@/db/queries/author-profiles';
import { getImageMetas } from '@/db/queries/images';
import { log, reasonOf } from '@/lib/log';

import { inNextRequest } from '../cache/in-request';
import { authorTag, DATABASE_TAG } from '../cache/tags';
import { env } from '../env.mjs';
import { authorFromProfile } from './profile-author';
import { building } from './published';
import type { Author } from './types';

/** The newsroom profile at this address as an Author, if it could be on a byline; read now. */
async function readNewsroomAuthor(slug: string): Promise<Author | null> {
  const profile = await getAuthorProfileBySlug(slug);
  if (!profile?.pictureImageId) return null;
  const result = authorFromProfile(profile, await getImageMetas([profile.pictureImageId]));
  return 'author' in result ? result.author : null;
}

// Tagged with the author page's tag, which every change to the profile expires (tagsForProfileChange),
// so each address needs its own wrapper. Any address can be requested: only the latest READERS_KEPT
// wrappers are kept (a dropped one is made again; its cached entry is still found by its key).
const READERS_KEPT = 500;
const readers = new Map<string, () => Promise<Author | null>>();
function readerFor(slug: string) {
  let reader = readers.get(slug);
  if (!reader) {
    reader = unstable_cache(() => readNewsroomAuthor(slug), ['newsroom-author', slug], { tags: [DATABASE_TAG, authorTag(slug)] });
    if (readers.size >= READERS_KEPT) readers.delete(readers.keys().next().value!);
    readers.set(slug, reader);
  }
  return reader;
}

/**
 * A newsroom profile's author page exists exactly like a file author's, before its first article
 * too. None while building (which reads no database) or while the database cannot be reached.
 */
export const getNewsroomAuthor = cache(async (slug: string): Promise<Author | null> => {
  if (building() || !env.DATABASE_URL) return null;
  try {
    return inNextRequest() ? await readerFor(slug)() : await readNewsroomAuthor(slug);
  } catch (error) {
    if (!isDatabaseUnreachable(error)) throw error;
    log.warn({ reason: reasonOf(error) }, `The database cannot be reached; no newsroom profile for /authors/${slug} for now`);
    return null;
  }
});
