import { yearMonthIn } from '../dates/format';
import { FRONT_PAGE_POSITIONS } from '../front-page/positions';
import type { ArchiveMonth, Article, Page, Tag } from './types';

export function paginate<T>(items: T[], page: number, perPage: number): Page<T> | null {
  const totalPages = Math.max(1, Math.ceil(items.length / perPage));
  if (!Number.isInteger(page) || page < 1 || page > totalPages) return null;
  return { items: items.slice((page - 1) * perPage, page * perPage), page, totalPages, total: items.length };
}

/** Parses a page number from a URL segment: only canonical positive integers ("2", not "02" or "2.0"). */
export function parsePageNumber(segment: string): number | null {
  return /^[1-9]\d{0,5}$/.test(segment) ? Number(segment) : null;
}

export function tagName(slug: string): string {
  return slug.replace(/-/g, ' ');
}

export function listTags(articles: Article[]): Tag[] {
  const counts = new Map<string, number>();
  for (const article of articles) {
    for (const tag of article.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  return [...counts]
    .map(([slug, count]) => ({ slug, name: tagName(slug), count }))
    .sort((a, b) => b.count - a.count || a.slug.localeCompare(b.slug));
}

export function listArchiveMonths(articles: Article[], timeZone: string): ArchiveMonth[] {
  const months = new Map<string, ArchiveMonth>();
  for (const article of articles) {
    const { year, month } = yearMonthIn(article.published, timeZone);
    const key = `${year}-${month}`;
    const entry = months.get(key) ?? { year, month, count: 0 };
    entry.count += 1;
    months.set(key, entry);
  }
  return [...months.values()].sort((a, b) => b.year - a.year || b.month - a.month);
}

/** Same category first, then the most shared tags, newest first among equals. */
export function relatedArticles(article: Article, articles: Article[], limit = 3): Article[] {
  const score = (other: Article) =>
    (other.category.slug === article.category.slug ? 10 : 0) +
    other.tags.filter((tag) => article.tags.includes(tag)).length;
  return articles
    .filter((other) => other.slug !== article.slug)
    .map((other) => ({ other, score: score(other) }))
    .filter(({ score }) => score > 0)
    .sort((a, b) => b.score - a.score || b.other.published.getTime() - a.other.published.getTime())
    .slice(0, limit)
    .map(({ other }) => other);
}

/** Neighbours in publication order: `older` was published before, `newer` after. */
export function adjacentArticles(article: Article, articles: Article[]): { older?: Article; newer?: Article } {
  const index = articles.findIndex((other) => other.slug === article.slug);
  if (index === -1) return {};
  return { newer: articles[index - 1], older: articles[index + 1] };
}

/** Articles published within `hours` before `now`, for the news sitemap. */
export function recentArticles(articles: Article[], now: Date, hours = 48): Article[] {
  const since = now.getTime() - hours * 3600_000;
  return articles.filter((article) => {
    const time = article.published.getTime();
    return time >= since && time <= now.getTime();
  });
}

type Candidate = Pick<Article, 'slug' | 'featured'>;
type HomeLayout<T extends Candidate = Article> = {
  lead?: T;
  featured: T[];
  latest: T[];
  /** What each position shows (lead first), and whether the newsroom chose it: the newsroom's view. */
  positions: { article?: T; chosen: boolean }[];
};


/**
 * The home page. `chosen[position]` is the address the newsroom put there (lib/front-page): shown
 * there if it is among `articles` (published), otherwise the position is automatic, as every
 * position without a choice: the lead is the newest featured story (or the newest story), the
 * featured positions the next featured stories, newest first. No story is shown twice: what is
 * chosen anywhere is left out of the automatic ones, and the rest is "latest".
 */
export function homeLayout<T extends Candidate>(articles: T[], chosen: readonly (string | null | undefined)[] = []): HomeLayout<T> {
  const bySlug = new Map(articles.map((article) => [article.slug, article]));
  const placed = FRONT_PAGE_POSITIONS.map((position) => {
    const slug = chosen[position];
    return slug ? bySlug.get(slug) : undefined;
  });
  const taken = new Set(placed.filter((article): article is T => !!article));
  const nextAutomatic = (pool: T[]) => {
    const article = pool.find((candidate) => !taken.has(candidate));
    if (article) taken.add(article);
    return article;
  };
  const featuredPool = articles.filter((article) => article.featured);
  const positions = FRONT_PAGE_POSITIONS.map((position) => {
    const article = placed[position] ?? (position === 0 ? (nextAutomatic(featuredPool) ?? nextAutomatic(articles)) : nextAutomatic(featuredPool));
    return { article, chosen: !!placed[position] };
  });
  const [lead, ...featured] = positions.map((position) => position.article);
  const shown = new Set(positions.map((position) => position.article));
  return {
    lead,
    featured: featured.filter((article): article is T => !!article),
    latest: articles.filter((article) => !shown.has(article)),
    positions,
  };
}
