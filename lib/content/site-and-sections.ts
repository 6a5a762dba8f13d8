import 'server-only';

import { cache } from 'react';

import { env } from '../env.mjs';
import { resolveSection } from '../sections/resolve';
import { loadContent, loadContentOnce } from './load';
import { newsroomSections, readNewsroomSections } from './sections';
import { siteWithSettings } from './site-settings';
import type { Category, Content } from './types';

// The content facade's site and sections (re-exported by index.ts): content/ files, with what the
// newsroom changed over them.

// Content files do not change while a production server runs, so they are read once per process;
// in development they are read per request so edits show up on reload.
export const getContent = cache((): Promise<Content> => (env.NODE_ENV === 'production' ? loadContentOnce() : loadContent()));

/** The site's settings: content/site.json with what admins changed in the newsroom over it. */
export const getSite = cache(async () => siteWithSettings((await getContent()).site));

/** content/site.json's own settings, the defaults of the newsroom's (lib/site-settings). */
export async function getSiteFile() {
  return (await getContent()).site;
}

/**
 * The sections of content/categories.json, then the newsroom's live ones in their order, and where
 * retired ones went. A newsroom section never takes a file section's slug (lib/sections refuses it).
 */
export async function getSections(): Promise<{ categories: Category[]; moved: Record<string, string> }> {
  const [content, newsroom] = await Promise.all([getContent(), newsroomSections()]);
  if (newsroom.live.length === 0 && Object.keys(newsroom.moved).length === 0) return { categories: content.categories, moved: {} };
  const files = new Set(content.categories.map((category) => category.slug));
  return { categories: [...content.categories, ...newsroom.live.filter((section) => !files.has(section.slug))], moved: newsroom.moved };
}

/** Every live section, file and newsroom alike: readers cannot tell them apart. */
export async function getCategories(): Promise<Category[]> {
  return (await getSections()).categories;
}

export async function getCategory(slug: string) {
  return (await getCategories()).find((category) => category.slug === slug);
}

/** The sections of content/categories.json alone: changed in git, never in the newsroom. */
export async function getFileCategories(): Promise<Category[]> {
  return (await getContent()).categories;
}

/** Where a retired section's address now leads: the live section its articles went to, if any. */
export async function getRetiredCategoryTarget(slug: string): Promise<Category | undefined> {
  const { categories, moved } = await getSections();
  if (categories.some((category) => category.slug === slug)) return undefined;
  const target = resolveSection(moved, slug);
  return target === slug ? undefined : categories.find((category) => category.slug === target);
}

/**
 * The section an article filed under `slug` is shown under now (see getRetiredCategoryTarget), read
 * past the cache: publications outside a request (the scheduler) ask it too.
 */
export async function currentCategorySlug(slug: string): Promise<string> {
  return resolveSection((await readNewsroomSections()).moved, slug);
}
