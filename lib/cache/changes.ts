import 'server-only';

import { getAuthorProfilesByIds } from '@/db/queries/author-profiles';
import { listPublishedBylinedOn } from '@/db/queries/published';
import type { PublishChange } from '@/db/queries/publishing';
import type { DraftContent } from '@/db/schema';

import { currentCategorySlug } from '../content';
import { neighbourSlugs } from '../content/addresses';
import { ARCHIVE_TAG, ARTICLES_TAG, articleTag, authorTag, BANNER_TAG, categoryTag, CORRECTIONS_TAG, HOME_TAG, SITE_SETTINGS_TAG, tagTag } from './tags';

async function tagsOf(content: DraftContent, neighbours: string[]): Promise<string[]> {
  // Every author's page lists the article (a revision from before bylines were lists has no authorIds).
  const authors = await getAuthorProfilesByIds(content.authorIds ?? []);
  return [
    articleTag(content.slug),
    ...neighbours.map(articleTag),
    categoryTag(content.category),
    // A revision filed under a retired section shows under the section it went to.
    categoryTag(await currentCategorySlug(content.category)),
    ...content.tags.map(tagTag),
    ...authors.flatMap((author) => (author.slug ? [authorTag(author.slug)] : [])),
  ];
}

/**
 * The tags of every page that shows the article before or after the change: its page, its
 * neighbours' pages (which link to it), home, its category, tags and every author's page, the archive, and the
 * whole-list readers (feeds, sitemaps), and /corrections (its corrections come and go with it). Neighbours are taken before and after, by the caller.
 */
export async function tagsForChange(change: PublishChange, neighbours: { before: string[]; after: string[] }): Promise<string[]> {
  const tags = new Set([HOME_TAG, ARCHIVE_TAG, ARTICLES_TAG, CORRECTIONS_TAG]);
  if (change.before) for (const tag of await tagsOf(change.before, neighbours.before)) tags.add(tag);
  if (change.after) for (const tag of await tagsOf(change.after, neighbours.after)) tags.add(tag);
  return [...tags];
}

/** The pages a new correction shows on: its article's and /corrections. */
export const tagsForCorrection = (slug: string): string[] => [articleTag(slug), CORRECTIONS_TAG];

/**
 * The tags of the pages that show an author's card or link to their page, at the profile's old and
 * new address: every article (cards), home, and the author pages.
 */
export function tagsForProfileChange(before: string | null, after: string | null): string[] {
  const slugs = new Set([before, after].filter((slug): slug is string => !!slug));
  return [ARTICLES_TAG, HOME_TAG, ...[...slugs].map(authorTag)];
}

/**
 * Every page a newsroom profile shows on, for a change of its name, kind, bio, picture or address:
 * tagsForProfileChange's, and the section, tag and archive pages whose cards carry its byline.
 */
export async function tagsForProfileEdit(profileId: string, before: string | null, after: string | null): Promise<string[]> {
  const articles = await listPublishedBylinedOn(profileId);
  const sections = await Promise.all(articles.map((article) => currentCategorySlug(article.category)));
  const tags = [
    ...tagsForProfileChange(before, after),
    ARCHIVE_TAG,
    ...articles.flatMap((article) => [categoryTag(article.category), ...article.tags.map(tagTag)]),
    ...sections.map(categoryTag),
  ];
  return [...new Set(tags)];
}

/** Neighbours of the article's address, or none when it has no address yet. */
export async function neighboursOf(slug: string | undefined): Promise<string[]> {
  return slug ? neighbourSlugs(slug) : [];
}

/** Every page, feed and email that shows the site's name, description, navigation or sender. */
export const tagsForSiteSettings = (): string[] => [SITE_SETTINGS_TAG];

/** Every reader page: each shows the banner, or its absence. */
export const tagsForBanner = (): string[] => [BANNER_TAG];

/** The home page and its further pages: the front page's layout, or a pin's end. */
export const tagsForFrontPage = (): string[] => [HOME_TAG];
