import { describe, expect, it } from 'vitest';

import { adjacentArticles, homeLayout, listArchiveMonths, listTags, paginate, parsePageNumber, recentArticles, relatedArticles } from '@/lib/content/queries';
import type { Article } from '@/lib/content/types';

function article(slug: string, published: string, extra: Partial<Article> = {}): Article {
  return {
    slug,
    title: slug,
    standfirst: 'A standfirst long enough.',
    published: new Date(published),
    category: { slug: 'news', name: 'News', description: 'News of the day.' },
    tags: [],
    featured: false,
    corrections: [],
    authors: [
      {
        slug: 'ann',
        name: 'Ann',
        role: 'Reporter',
        kind: 'staff',
        bio: 'A reporter of things.',
        links: [],
        picture: { src: '/a.jpg', alt: 'A grey square portrait', width: 1, height: 1 },
      },
    ],
    hero: { src: '/h.jpg', alt: 'Grey hills at dawn', width: 16, height: 9 },
    body: '',
    file: `${slug}.mdx`,
    words: 100,
    readingMinutes: 1,
    ...extra,
  };
}

const sport = { slug: 'sport', name: 'Sport', description: 'Games and scores.' };

describe('pagination', () => {
  it('splits items into pages and refuses pages that do not exist', () => {
    const items = Array.from({ length: 13 }, (_, index) => index);
    expect(paginate(items, 1, 6)).toEqual({ items: [0, 1, 2, 3, 4, 5], page: 1, totalPages: 3, total: 13 });
    expect(paginate(items, 3, 6)?.items).toEqual([12]);
    expect(paginate(items, 4, 6)).toBeNull();
    expect(paginate(items, 0, 6)).toBeNull();
    expect(paginate([], 1, 6)).toEqual({ items: [], page: 1, totalPages: 1, total: 0 });
  });

  it('accepts only canonical page numbers', () => {
    expect(parsePageNumber('2')).toBe(2);
    for (const bad of ['0', '02', '2.0', '-1', 'two', '', '9999999']) expect(parsePageNumber(bad)).toBeNull();
  });
});

describe('news sitemap window', () => {
  it('keeps articles of the last 48 hours and nothing from the future', () => {
    const now = new Date('2026-11-25T12:00:00Z');
    const articles = [
      article('future', '2026-11-25T13:00:00Z'),
      article('fresh', '2026-11-25T06:00:00Z'),
      article('edge', '2026-11-23T12:00:00Z'),
      article('stale', '2026-11-23T11:59:59Z'),
    ];
    expect(recentArticles(articles, now).map((a) => a.slug)).toEqual(['fresh', 'edge']);
  });
});

describe('related and adjacent articles', () => {
  const a = article('a', '2026-11-05T00:00:00Z', { tags: ['river'] });
  const b = article('b', '2026-11-04T00:00:00Z', { tags: ['river'], category: sport });
  const c = article('c', '2026-11-03T00:00:00Z');
  const d = article('d', '2026-11-02T00:00:00Z', { category: sport });
  const all = [a, b, c, d];

  it('prefers the same category, then shared tags, and skips unrelated stories', () => {
    expect(relatedArticles(a, all).map((x) => x.slug)).toEqual(['c', 'b']);
    expect(relatedArticles(d, all).map((x) => x.slug)).toEqual(['b']);
  });

  it('links to the newer and older neighbours', () => {
    expect(adjacentArticles(b, all)).toEqual({ newer: a, older: c });
    expect(adjacentArticles(a, all)).toEqual({ newer: undefined, older: b });
  });
});

describe('home layout, tags and archive', () => {
  it('leads with the newest featured story and never repeats a story', () => {
    const articles = [
      article('n1', '2026-11-10T00:00:00Z'),
      article('f1', '2026-11-09T00:00:00Z', { featured: true }),
      article('n2', '2026-11-08T00:00:00Z'),
      article('f2', '2026-11-07T00:00:00Z', { featured: true }),
    ];
    const layout = homeLayout(articles);
    expect(layout.lead?.slug).toBe('f1');
    expect(layout.featured.map((x) => x.slug)).toEqual(['f2']);
    expect(layout.latest.map((x) => x.slug)).toEqual(['n1', 'n2']);
  });

  it('puts the chosen stories in their positions and fills the others automatically, each story once', () => {
    const articles = [
      article('n1', '2026-11-10T00:00:00Z'),
      article('f1', '2026-11-09T00:00:00Z', { featured: true }),
      article('n2', '2026-11-08T00:00:00Z'),
      article('f2', '2026-11-07T00:00:00Z', { featured: true }),
      article('f3', '2026-11-06T00:00:00Z', { featured: true }),
      article('n3', '2026-11-05T00:00:00Z'),
    ];
    // n2 leads, f1 (the automatic lead otherwise) is chosen second, so the automatic ones skip both.
    const layout = homeLayout(articles, ['n2', undefined, 'f1']);
    expect(layout.lead?.slug).toBe('n2');
    expect(layout.featured.map((x) => x.slug)).toEqual(['f2', 'f1', 'f3']);
    expect(layout.latest.map((x) => x.slug)).toEqual(['n1', 'n3']);
    // A choice no longer published falls back to automatic; an automatic lead is the newest featured.
    const fallback = homeLayout(articles, ['gone', 'n3']);
    expect(fallback.lead?.slug).toBe('f1');
    expect(fallback.featured.map((x) => x.slug)).toEqual(['n3', 'f2', 'f3']);
    expect(fallback.latest.map((x) => x.slug)).toEqual(['n1', 'n2']);
  });

  it('counts tags and groups the archive by month in the site time zone', () => {
    const articles = [article('x', '2026-10-31T23:30:00Z', { tags: ['a', 'b'] }), article('y', '2026-10-15T12:00:00Z', { tags: ['a'] })];
    expect(listTags(articles)).toEqual([
      { slug: 'a', name: 'a', count: 2 },
      { slug: 'b', name: 'b', count: 1 },
    ]);
    // 23:30 UTC on 31 October is still October in London (GMT), but November in Tokyo.
    expect(listArchiveMonths(articles, 'Europe/London')).toEqual([{ year: 2026, month: 10, count: 2 }]);
    expect(listArchiveMonths(articles, 'Asia/Tokyo')).toEqual([
      { year: 2026, month: 11, count: 1 },
      { year: 2026, month: 10, count: 1 },
    ]);
  });
});
