import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';
import { isDraftSlugTaken } from '@/db/queries/drafts';
import { isPublishedSlug, listPublishedAddresses } from '@/db/queries/publishing';
import { env } from '../env.mjs';
import { contentRoot } from '../content/paths';
import { parsePageNumber } from '../content/queries';
import { yearMonthIn } from '../dates/format';

// Which public addresses exist, answered cheaply for proxy.ts: it sends the others to the static
// 404 page before a page renders one on demand (an empty shell that needs JavaScript, vercel/next.js#62228).

type Summary = { slug: string; category: string; tags: string[]; author: string | null; published: Date; featured: boolean };
type ContentIndex = { articles: Summary[]; slugs: Set<string>; authors: Set<string>; timeZone: string };

const PER_PAGE = 10;
const HOME_LATEST_PER_PAGE = 6;

let contentIndex: Promise<ContentIndex> | undefined;

// content/ is fixed while a server runs: read its frontmatter once.
async function readContentIndex(): Promise<ContentIndex> {
  const dir = path.join(contentRoot, 'articles');
  const names = (await readdir(dir)).filter((name) => name.endsWith('.mdx'));
  const articles = await Promise.all(
    names.map(async (name) => {
      const data = matter(await readFile(path.join(dir, name), 'utf8')).data as Record<string, unknown>;
      return {
        slug: name.slice(0, -'.mdx'.length),
        category: String(data.category ?? ''),
        tags: Array.isArray(data.tags) ? data.tags.map(String) : [],
        author: typeof data.author === 'string' ? data.author : null,
        published: new Date(data.published as string),
        featured: data.featured === true,
      };
    }),
  );
  const authors = (await readdir(path.join(contentRoot, 'authors'))).filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -'.json'.length));
  const site = JSON.parse(await readFile(path.join(contentRoot, 'site.json'), 'utf8')) as { timeZone: string };
  return { articles, slugs: new Set(articles.map((article) => article.slug)), authors: new Set(authors), timeZone: site.timeZone };
}

async function allArticles(content: ContentIndex): Promise<Summary[]> {
  const published = await listPublishedAddresses();
  const fromDatabase = published.filter((article) => !content.slugs.has(article.slug)).map((article) => ({ ...article, featured: false }));
  return [...content.articles, ...fromDatabase];
}

async function loadContentIndex(): Promise<ContentIndex> {
  contentIndex ??= readContentIndex();
  return contentIndex.catch((error: unknown) => {
    contentIndex = undefined;
    throw error;
  });
}

/** The addresses of the articles just before and after this one in publication order: their pages link to it. */
export async function neighbourSlugs(slug: string): Promise<string[]> {
  const articles = (await allArticles(await loadContentIndex())).sort(
    (a, b) => b.published.getTime() - a.published.getTime() || a.slug.localeCompare(b.slug),
  );
  const index = articles.findIndex((article) => article.slug === slug);
  if (index === -1) return [];
  return [articles[index - 1]?.slug, articles[index + 1]?.slug].filter((neighbour): neighbour is string => !!neighbour);
}

const pages = (count: number, perPage: number) => Math.max(1, Math.ceil(count / perPage));

function pageFits(segment: string | undefined, count: number, perPage: number): boolean {
  if (segment === undefined) return true;
  const page = parsePageNumber(segment);
  return page !== null && page > 1 && page <= pages(count, perPage);
}

/** Pages content/ alone makes exist: no database question needed. */
function existsInContent(content: ContentIndex, kind: string, slug: string, segment: string | undefined): boolean {
  if (kind === 'articles') return content.slugs.has(slug);
  if (kind === 'tag' && segment === undefined) return content.articles.some((article) => article.tags.includes(slug));
  if (kind === 'authors' && segment === undefined) return content.authors.has(slug);
  return false;
}

/**
 * Whether the address is a page that exists: true, false, or null when it is not one this module
 * judges. While the database cannot answer, only content/ counts.
 */
export async function addressExists(pathname: string): Promise<boolean | null> {
  const match =
    /^\/(articles)\/([^/]+)$/.exec(pathname) ??
    /^\/(tag|authors)\/([^/]+)(?:\/page\/([^/]+))?$/.exec(pathname) ??
    /^\/(category)\/([^/]+)\/page\/([^/]+)$/.exec(pathname) ??
    /^\/(page)\/([^/]+)$/.exec(pathname) ??
    /^\/(archive)\/(\d{4})\/(\d{2})$/.exec(pathname);
  if (!match) return null;
  const [, kind, slug = '', segment] = match;
  const content = await loadContentIndex();
  if (existsInContent(content, kind!, slug, segment)) return true;
  if (!env.DATABASE_URL) return kind === 'articles' ? false : null;
  let articles: Summary[];
  try {
    // The common case, a reader opening a newsroom article, needs only one indexed lookup.
    if (kind === 'articles') return await isPublishedSlug(slug);
    articles = await allArticles(content);
  } catch (error) {
    // Without the database the site is what content/ makes it (as with no database at all): a page
    // rendered now could only fail, so an address content/ does not have gets the static 404 page.
    console.error('The database did not answer whether a page exists; judging by content/ alone:', error);
    if (kind === 'articles') return false;
    articles = content.articles;
  }
  switch (kind) {
    case 'articles':
      return articles.some((article) => article.slug === slug);
    case 'tag': {
      const count = articles.filter((article) => article.tags.includes(slug)).length;
      return count > 0 && pageFits(segment, count, PER_PAGE);
    }
    case 'category': {
      const count = articles.filter((article) => article.category === slug).length;
      return count > 0 && pageFits(segment, count, PER_PAGE);
    }
    case 'authors': {
      const count = articles.filter((article) => article.author === slug).length;
      return (count > 0 || content.authors.has(slug)) && pageFits(segment, count, PER_PAGE);
    }
    case 'page': {
      const featured = articles.filter((article) => article.featured).length;
      const shown = Math.min(articles.length, 1 + Math.min(3, Math.max(0, featured - 1)));
      return pageFits(slug, articles.length - shown, HOME_LATEST_PER_PAGE);
    }
    default: {
      const [year, month] = [Number(slug), Number(segment)];
      return articles.some((article) => {
        const when = yearMonthIn(article.published, content.timeZone);
        return when.year === year && when.month === month;
      });
    }
  }
}

/**
 * Whether an article address belongs to some draft, published or not: the only addresses a preview
 * may render on demand. (Cookies can be forged; the page checks the session itself.)
 */
export async function isDraftAddress(pathname: string): Promise<boolean> {
  const slug = /^\/articles\/([a-z0-9-]{1,200})$/.exec(pathname)?.[1];
  if (!slug || !env.DATABASE_URL) return false;
  return isDraftSlugTaken(slug).catch(() => false);
}
