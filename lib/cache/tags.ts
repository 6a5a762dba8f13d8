import { z } from 'zod';

import { isSlug } from '../validation';

// Cache tags of the pages that read newsroom articles from the database. Every such read is an
// `unstable_cache` entry carrying the umbrella tag plus the tag of the page kind that asked, and the
// entry's tags become the tags of the ISR page that read it: publishing expires exactly these.

/** Everything that reads the database: expired once when a server starts (builds never read it). */
export const DATABASE_TAG = 'db';
/** Whatever reads the whole list: feeds, sitemaps, the not-found suggestions. */
export const ARTICLES_TAG = 'articles';
export const HOME_TAG = 'home';
export const ARCHIVE_TAG = 'archive';
/** The /corrections page: a correction added, or an article with corrections published or taken off. */
export const CORRECTIONS_TAG = 'corrections';
/** The site settings admins edit (name, navigation…): every reader page, feed and email shows them. */
export const SITE_SETTINGS_TAG = 'site-settings';
/** The breaking-news banner: every reader page shows it. */
export const BANNER_TAG = 'breaking-news';
/**
 * The newsroom's sections, read with every list of sections and every article (whose label and
 * section they resolve): the site's footer lists them, so a section change refreshes every page.
 */
export const SECTIONS_TAG = 'sections';

export const articleTag = (slug: string) => `article:${slug}`;
export const categoryTag = (slug: string) => `category:${slug}`;
export const tagTag = (slug: string) => `tag:${slug}`;
export const authorTag = (slug: string) => `author:${slug}`;

const KINDS = new Set(['article', 'category', 'tag', 'author']);

function isKindTag(tag: string): boolean {
  const [kind, slug, ...rest] = tag.split(':');
  return rest.length === 0 && KINDS.has(kind!) && slug !== undefined && slug.length <= 200 && isSlug(slug);
}

/** What a revalidation request may name: anything else is refused. */
export function isCacheTag(tag: string): boolean {
  return [DATABASE_TAG, ARTICLES_TAG, HOME_TAG, ARCHIVE_TAG, CORRECTIONS_TAG, SITE_SETTINGS_TAG, BANNER_TAG, SECTIONS_TAG].includes(tag) || isKindTag(tag);
}

/** The tags of a revalidation request or notice: at least one, all known. */
export const cacheTagsSchema = z.array(z.string().refine(isCacheTag)).min(1).max(200);
