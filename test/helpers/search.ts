import { randomUUID } from 'node:crypto';

import { type SearchEntry, upsertSearchEntries } from '@/db/queries/search-index';
import { parseSearchParams, searchArticles, type SearchParams } from '@/lib/search';

/** Rows in a section of their own, so each test sees only what it wrote (as newsroom rows: a content/ sync drops unknown files). */
export async function indexRows(rows: Partial<SearchEntry>[]) {
  const section = `sec-${randomUUID().slice(0, 8)}`;
  const entries = rows.map((row, n): SearchEntry => {
    const slug = row.slug ?? `${section}-${n}`;
    return {
      id: `draft/${randomUUID()}`,
      source: 'newsroom',
      slug,
      title: 'An ordinary headline',
      standfirst: 'An ordinary standfirst about the town.',
      body: 'Ordinary words about the town and its people.',
      keywords: 'town',
      section,
      authorSlugs: ['someone'],
      byline: 'Someone',
      published: new Date(Date.UTC(2026, 0, 1 + n)),
      hash: 'test',
      config: 'broadsheet_english',
      ...row,
    };
  });
  await upsertSearchEntries(entries);
  const search = (q: string, extra: Partial<SearchParams> = {}) => searchArticles({ ...parseSearchParams({ q }), section, ...extra });
  return { section, search, slugs: entries.map((entry) => entry.slug) };
}
