import 'server-only';

import type { z } from 'zod';

import { countArticlesBySlug, findSection, insertSection, listSections, moveSection as moveQuery, retireSection as retireQuery, updateSection } from '@/db/queries/sections';

import { categoryTag, SECTIONS_TAG } from '../cache/tags';
import { getFileCategories, getSite } from '../content';
import { slugify } from '../drafts/slug';
import { routes } from '../routes';
import { plural } from '../text/plural';
import { resolveSection } from './resolve';
import type { addSectionSchema, editSectionSchema, moveSectionSchema, retireSectionSchema } from './schema';

// The rules of newsroom sections. Each change returns the cache tags to expire (the action does it,
// inside its request): SECTIONS_TAG reaches every page, since every page lists or labels sections.

export type SectionResult = { ok: true; message: string; tags: string[] } | { ok: false; error: string; fieldErrors?: Record<string, string[]> };

const CHANGED = 'Someone changed this section since you opened the page. Reload it to see their change, then try again.';
const MISSING = 'That section no longer exists or was retired. Reload the page.';

const fileSection = async (slug: string) => (await getFileCategories()).find((category) => category.slug === slug);

export async function addSection(input: z.infer<typeof addSectionSchema>, by: string): Promise<SectionResult> {
  const slug = input.slug || slugify(input.name);
  if (!slug) return { ok: false, error: 'Choose an address for the section.', fieldErrors: { slug: ['Type the address in Latin letters, e.g. "news".'] } };
  const file = await fileSection(slug);
  if (file) {
    const error = `The address “${slug}” belongs to the section ${file.name} of content/categories.json. Choose another one.`;
    return { ok: false, error, fieldErrors: { slug: [error] } };
  }
  const created = await insertSection({ slug, name: input.name, description: input.description, updatedBy: by });
  if (!created) {
    const existing = await findSection(slug);
    const error = existing?.retiredAt
      ? `The address “${slug}” was used by the retired section ${existing.name}, and still leads to its articles. Choose another one.`
      : `The address “${slug}” is already used by the section ${existing?.name ?? 'another section'}. Choose another one.`;
    return { ok: false, error, fieldErrors: { slug: [error] } };
  }
  return { ok: true, message: `Section ${created.name} added at /category/${slug}.`, tags: [SECTIONS_TAG, categoryTag(slug)] };
}

export async function editSection({ slug, name, description, seen }: z.infer<typeof editSectionSchema>, by: string): Promise<SectionResult> {
  if (await fileSection(slug)) return { ok: false, error: 'That section comes from content/categories.json: change it in git.' };
  const result = await updateSection(slug, { name, description, updatedBy: by }, seen);
  if (result === 'changed') return { ok: false, error: CHANGED };
  if (result === 'missing') return { ok: false, error: MISSING };
  return { ok: true, message: `Section saved as ${result.name}; its address stays /category/${slug}.`, tags: [SECTIONS_TAG, categoryTag(slug)] };
}

export async function moveSection({ slug, direction }: z.infer<typeof moveSectionSchema>, by: string): Promise<SectionResult> {
  const result = await moveQuery(slug, direction, by);
  if (result === 'missing') return { ok: false, error: MISSING };
  if (result === 'edge') return { ok: false, error: `That section is already ${direction === 'up' ? 'first' : 'last'} of the newsroom’s sections.` };
  return { ok: true, message: `Section moved ${direction}.`, tags: [SECTIONS_TAG] };
}

export async function retireSection({ slug, seen, target }: z.infer<typeof retireSectionSchema>, by: string): Promise<SectionResult> {
  if (target === slug) return { ok: false, error: 'A section cannot be retired into itself: choose another section.', fieldErrors: { target: ['Choose another section.'] } };
  if (await fileSection(slug)) return { ok: false, error: 'That section comes from content/categories.json: change it in git.' };
  const [section, site] = await Promise.all([findSection(slug), getSite()]);
  const into = target ? ((await fileSection(target))?.name ?? (await findSection(target))?.name ?? target) : null;
  const result = await retireQuery(slug, { target: target || null, targetIsFile: !!target && !!(await fileSection(target)), seen, updatedBy: by });
  if (!result.ok) {
    if (result.reason !== 'has-articles') {
      if (result.reason === 'target-missing')
        return { ok: false, error: 'The section you chose no longer exists. Choose another.', fieldErrors: { target: ['Choose another section.'] } };
      return { ok: false, error: result.reason === 'changed' ? CHANGED : MISSING };
    }
    const count = plural(result.count, 'article', site);
    return { ok: false, error: `${section?.name ?? 'This section'} still has ${count}. Choose the section they move to.`, fieldErrors: { target: ['Choose a section.'] } };
  }
  const moved = result.moved > 0 && into ? ` ${plural(result.moved, 'article', site)} moved to ${into}; /category/${slug} now leads there.` : '';
  return {
    ok: true,
    message: `Section ${section?.name ?? slug} retired.${moved}`,
    tags: [SECTIONS_TAG, categoryTag(slug), ...(target ? [categoryTag(target)] : [])],
  };
}

export type SectionRow = {
  slug: string;
  name: string;
  description: string;
  source: 'file' | 'newsroom';
  articles: number;
  seen?: string;
  /** The site's navigation links to it: retired, that link would lead nowhere (or elsewhere). */
  inNavigation?: boolean;
};

/**
 * What the newsroom's sections page shows: the live sections in readers' order (file ones first),
 * each with its articles (those of sections retired into it included), and the retired ones.
 */
export async function sectionsOverview(): Promise<{ live: SectionRow[]; retired: { slug: string; name: string; movedTo: string | null }[] }> {
  const [files, rows, site] = await Promise.all([getFileCategories(), listSections(), getSite()]);
  const linked = new Set(site.navigation.map((link) => new URL(link.href, site.url).pathname.replace(/\/+$/, '')));
  const moved = Object.fromEntries(rows.flatMap((row) => (row.retiredAt && row.movedTo ? [[row.slug, row.movedTo]] : [])));
  const articles = await countArticlesBySlug(Object.fromEntries(Object.keys(moved).map((slug) => [slug, resolveSection(moved, slug)])));
  const live: SectionRow[] = [
    ...files.map((file) => ({ ...file, source: 'file' as const, articles: articles.get(file.slug) ?? 0 })),
    ...rows
      .filter((row) => !row.retiredAt)
      .map((row) => ({
        slug: row.slug,
        name: row.name,
        description: row.description,
        source: 'newsroom' as const,
        articles: articles.get(row.slug) ?? 0,
        seen: row.updatedAt.toISOString(),
        inNavigation: linked.has(routes.category(row.slug)),
      })),
  ];
  return { live, retired: rows.filter((row) => row.retiredAt).map((row) => ({ slug: row.slug, name: row.name, movedTo: row.movedTo ? resolveSection(moved, row.slug) : null })) };
}
