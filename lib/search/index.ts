import 'server-only';

import { COUNT_CAP, isSearchTimeout, searchIndex, type SearchPage } from '@/db/queries/search';

import { getCategories, getSite } from '../content';
import { searchConfig } from './entries';
import { highlightSegments, type Segment } from './highlight';
import type { SearchParams } from './params';
import { suggestFor, type Suggestion } from './suggest';
import { ensureSearchIndex } from './sync';

export type { Segment } from './highlight';
export { MAX_QUERY_LENGTH, parseSearchParams, type SearchParams } from './params';

const SEARCH_PER_PAGE = 10;

export type SearchHit = {
  slug: string;
  title: Segment[];
  snippet: Segment[];
  section: { slug: string; name: string };
  byline: string;
  published: Date;
};

export type SearchResults = {
  /** Exact below COUNT_CAP; when `capped`, there are more than `countCap` and at least this many. */
  total: number;
  capped: boolean;
  countCap: number;
  /** When capped: enough pages to reach the next one. */
  totalPages: number;
  hits: SearchHit[];
  /** False when the query holds no word to look for (only common words or punctuation). */
  meaningful: boolean;
  /** Only when nothing was found. */
  suggestion?: Suggestion;
  /** The search ran past its time limit and was stopped. */
  tooSlow?: true;
};

/** One page of every published article matching the reader's query, best first. */
export async function searchArticles(params: SearchParams): Promise<SearchResults> {
  await ensureSearchIndex();
  const [config, site, categories] = await Promise.all([searchConfig(), getSite(), getCategories()]);
  const { q, section, author, from, to, page } = params;
  const filters = { section, author, from, to, config, timeZone: site.timeZone };
  const found = await searchIndex({ ...filters, query: q, limit: SEARCH_PER_PAGE, offset: (page - 1) * SEARCH_PER_PAGE }).catch(
    (error: unknown): SearchPage & { tooSlow?: true } => {
      if (isSearchTimeout(error)) return { total: 0, capped: false, meaningful: true, hits: [], tooSlow: true };
      throw error;
    },
  );
  if ('tooSlow' in found) return { total: 0, capped: false, countCap: COUNT_CAP, totalPages: 1, meaningful: true, hits: [], tooSlow: true };
  const names = new Map(categories.map((category) => [category.slug, category.name]));
  return {
    total: found.total,
    capped: found.capped,
    countCap: COUNT_CAP,
    totalPages: Math.max(1, Math.ceil(found.total / SEARCH_PER_PAGE)),
    meaningful: found.meaningful,
    hits: found.hits.map((hit) => ({
      slug: hit.slug,
      title: highlightSegments(hit.title),
      // An article whose body does not hold the words still gets a line under its headline.
      snippet: highlightSegments(hit.snippet || hit.standfirst),
      section: { slug: hit.section, name: names.get(hit.section) ?? hit.section },
      byline: hit.byline,
      published: hit.published,
    })),
    ...(found.total === 0 && found.meaningful && page === 1 ? { suggestion: await suggestFor(q, filters) } : {}),
  };
}
