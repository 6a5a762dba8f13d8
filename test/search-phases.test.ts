import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, describe, expect, it } from 'vitest';

import { SearchResults } from '@/components/search/search-results';
import { closeDb } from '@/db';
import { getSite } from '@/lib/content';
import { parseSearchParams } from '@/lib/search';

import { indexRows as index } from './helpers/search';

afterAll(closeDb);

describe('two phases: headline matches ranked, then body matches newest first', () => {
  it('orders and pages across the phase boundary with no repeats or gaps', async () => {
    const day = (n: number) => new Date(Date.UTC(2025, 0, n));
    // 7 headline, standfirst or tag matches, dated so that weight must win over date; 16 in the body alone.
    const head = [
      { title: 'Marina plans', published: day(1) },
      { title: 'Marina opens', published: day(3) },
      { standfirst: 'The marina is full.', published: day(20) },
      { standfirst: 'A marina for all.', published: day(5) },
      { keywords: 'marina', published: day(30) },
      { title: 'Marina fees', standfirst: 'Marina fees rise.', published: day(2) },
      { keywords: 'marina', published: day(4) },
    ];
    const body = Array.from({ length: 16 }, (_, n) => ({ body: 'Boats at the marina.', published: day(40 - 2 * n) }));
    const { search, slugs } = await index([...head, ...body]);
    const [t0, t1, s0, s1, k0, ts, k1] = slugs;
    const expected = [ts, t1, t0, s0, s1, k0, k1, ...slugs.slice(head.length)];
    const pages = await Promise.all([1, 2, 3].map((page) => search('marina', { page })));
    expect(pages.flatMap((page) => page.hits.map((hit) => hit.slug))).toEqual(expected);
    expect(pages.map((page) => [page.total, page.capped, page.totalPages])).toEqual([
      [23, false, 3],
      [23, false, 3],
      [23, false, 3],
    ]);
    // A -word keeps the headline matches in their order and drops every body one that holds it.
    expect((await search('marina -boats')).hits.map((hit) => hit.slug)).toEqual(expected.slice(0, head.length));
    // -words alone leave nothing to rank by: newest first.
    expect((await search('-boats')).hits.map((hit) => hit.slug)).toEqual([k0, s0, s1, k1, t1, ts, t0]);
  });

  it('counts up to 1,000 and says "more than", with a next page while there is one', async () => {
    const { search } = await index(Array.from({ length: 1_012 }, (_, n) => ({ body: `The jetty, item ${n}.`, published: new Date(Date.UTC(2020, 0, 1) + n * 3_600_000) })));
    const first = await search('jetty');
    expect(first).toMatchObject({ total: 1_001, capped: true, totalPages: 101 });
    const site = await getSite();
    const shown = renderToStaticMarkup(createElement(SearchResults, { site, params: parseSearchParams({ q: 'jetty' }), results: first }));
    expect(shown).toContain('More than 1,000 articles match “jetty”.');
    expect(shown).toMatch(/>Page 1<\/span>/);
    expect(shown).toContain('rel="next"');
    const deep = await search('jetty', { page: 101 });
    expect(deep.hits).toHaveLength(10);
    expect(deep).toMatchObject({ capped: true, totalPages: 102 });
    const last = await search('jetty', { page: 102 });
    expect(last.hits).toHaveLength(2);
    expect(last).toMatchObject({ total: 1_012, capped: false, totalPages: 102 });
  });
});
