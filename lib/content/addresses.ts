import 'server-only';

import { isDatabaseUnreachable } from '@/db';
import { isCompleteProfileSlug } from '@/db/queries/author-profiles';
import { isDraftSlugTaken } from '@/db/queries/drafts';
import { readFrontPageSlots } from '@/db/queries/front-page';
import { isPublishedSlug, listPublishedAddresses } from '@/db/queries/published';
import { listSections } from '@/db/queries/sections';
import { log, reasonOf } from '@/lib/log';

import { yearMonthIn } from '../dates/format';
import { env } from '../env.mjs';
import { chosenAt } from '../front-page/slots';
import { resolveSection } from '../sections/resolve';
import { isSlug } from '../validation';
import { loadContentOnce } from './load';
import { HOME_LATEST_PER_PAGE, PER_PAGE } from './paging';
import { homeLayout, paginate, parsePageNumber } from './queries';

// Which public addresses exist, answered cheaply for proxy.ts: it sends the others to the static
// 404 page before a page renders one on demand (an empty shell that needs JavaScript, vercel/next.js#62228).
// Not through the pages' unstable_cache loaders: the proxy has no incremental cache to keep them in.
// The paging is the pages' own (paginate, homeLayout, paging.ts), so a change to the home page's layout
// reaches both. Two gaps are accepted: a published draft the facade cannot show (it is logged) still
// counts here, so its listing page may render as an empty page rather than the static 404; and in
// development content/ is read once per process here, while the pages re-read it.

type Summary = { slug: string; category: string; tags: string[]; authors: string[]; published: Date; featured: boolean };
type ContentIndex = { articles: Summary[]; slugs: Set<string>; authors: Set<string>; categories: Set<string>; timeZone: string };

let contentIndex: Promise<ContentIndex> | undefined;

// content/ is fixed while a server runs: read (and validated, as for the pages) once per process.
async function readContentIndex(): Promise<ContentIndex> {
  const content = await loadContentOnce();
  const articles = content.articles.map(({ slug, category, tags, authors, published, featured }) => ({
    slug,
    category: category.slug,
    tags,
    authors: authors.map((author) => author.slug),
    published,
    featured,
  }));
  return {
    articles,
    slugs: new Set(articles.map((article) => article.slug)),
    authors: new Set(content.authors.keys()),
    categories: new Set(content.categories.map((category) => category.slug)),
    timeZone: content.site.timeZone,
  };
}

async function allArticles(content: ContentIndex): Promise<Summary[]> {
  const published = await listPublishedAddresses();
  return [...content.articles, ...published.filter((article) => !content.slugs.has(article.slug))];
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

/** Whether `/…/page/<segment>` of a listing exists; its first page has no segment. */
function pageFits<T>(segment: string | undefined, items: T[], perPage: number): boolean {
  if (segment === undefined) return true;
  const page = parsePageNumber(segment);
  return page !== null && page > 1 && paginate(items, page, perPage) !== null;
}

/** Pages content/ alone makes exist: no database question needed. */
function existsInContent(content: ContentIndex, kind: string, slug: string, segment: string | undefined): boolean {
  if (kind === 'articles') return content.slugs.has(slug);
  if (kind === 'tag' && segment === undefined) return content.articles.some((article) => article.tags.includes(slug));
  if (kind === 'authors' && segment === undefined) return content.authors.has(slug);
  if (kind === 'category' && segment === undefined) return content.categories.has(slug);
  return false;
}

function existsIn(articles: Summary[], content: ContentIndex, kind: string, slug: string, segment: string | undefined, chosen: (string | undefined)[] = []): boolean {
  switch (kind) {
    case 'articles':
      return articles.some((article) => article.slug === slug);
    case 'tag': {
      const listed = articles.filter((article) => article.tags.includes(slug));
      return listed.length > 0 && pageFits(segment, listed, PER_PAGE);
    }
    case 'category': {
      const listed = articles.filter((article) => article.category === slug);
      return listed.length > 0 && pageFits(segment, listed, PER_PAGE);
    }
    case 'authors': {
      const listed = articles.filter((article) => article.authors.includes(slug));
      return (listed.length > 0 || content.authors.has(slug)) && pageFits(segment, listed, PER_PAGE);
    }
    case 'page':
      return pageFits(slug, homeLayout(articles, chosen).latest, HOME_LATEST_PER_PAGE);
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
 * A newsroom section's page: a live one's first page exists even when empty, a retired one's first
 * page leads (308, the page itself) to where its articles went; further pages count the articles
 * filed under it now, published revisions of retired sections included (resolved as the facade does).
 */
async function newsroomCategoryExists(content: ContentIndex, slug: string, segment: string | undefined): Promise<boolean> {
  const sections = await listSections();
  if (segment === undefined) return sections.some((section) => section.slug === slug && (!section.retiredAt || section.movedTo));
  const moved = Object.fromEntries(sections.flatMap((section) => (section.retiredAt && section.movedTo ? [[section.slug, section.movedTo]] : [])));
  const articles = (await allArticles(content)).map((article) => ({ ...article, category: resolveSection(moved, article.category) }));
  return existsIn(articles, content, 'category', slug, segment);
}

/**
 * Whether the address is a page that exists: true, false, or null when it is not one this module
 * judges. While the database cannot answer, only content/ counts.
 */
export async function addressExists(pathname: string): Promise<boolean | null> {
  // A section's feeds exist exactly when its page does (a retired one's lead where its articles went).
  const feed = /^(\/category\/[^/]+)\/(?:feed\.xml|atom\.xml|feed\.json)$/.exec(pathname);
  if (feed) return addressExists(feed[1]!);
  const match =
    /^\/(articles)\/([^/]+)$/.exec(pathname) ??
    /^\/(tag|authors)\/([^/]+)(?:\/page\/([^/]+))?$/.exec(pathname) ??
    /^\/(category)\/([^/]+)(?:\/page\/([^/]+))?$/.exec(pathname) ??
    /^\/(page)\/([^/]+)$/.exec(pathname) ??
    /^\/(archive)\/(\d{4})\/(\d{2})$/.exec(pathname);
  if (!match) return null;
  const [, kind = '', slug = '', segment] = match;
  const content = await loadContentIndex();
  if (existsInContent(content, kind, slug, segment)) return true;
  // Without a database there are no newsroom sections: a section content/ lacks is no page.
  if (!env.DATABASE_URL) return kind === 'articles' || (kind === 'category' && segment === undefined) ? false : null;
  let articles: Summary[];
  // The front page's chosen stories are not in "latest", so they shorten its paging.
  let chosen: (string | undefined)[] = [];
  try {
    // The common case, a reader opening a newsroom article, needs only one indexed lookup.
    if (kind === 'articles') return await isPublishedSlug(slug);
    if (kind === 'category') return await newsroomCategoryExists(content, slug, segment);
    // A newsroom profile's first page exists once it could be on a byline, like a file author's.
    if (kind === 'authors' && segment === undefined && (await isCompleteProfileSlug(slug))) return true;
    articles = await allArticles(content);
    if (kind === 'page') chosen = chosenAt(await readFrontPageSlots(), new Date());
  } catch (error) {
    // Without the database the site is what content/ makes it (as with no database at all): a page
    // rendered now could only fail, so an address content/ does not have gets the static 404 page.
    const what = 'The database did not answer whether a page exists; judging by content/ alone';
    if (isDatabaseUnreachable(error)) log.warn({ reason: reasonOf(error) }, what);
    else log.error({ err: error }, what);
    if (kind === 'articles') return false;
    articles = content.articles;
  }
  return existsIn(articles, content, kind, slug, segment, chosen);
}

/**
 * Whether an article address belongs to some draft, published or not: the only addresses a preview
 * may render on demand. (Cookies can be forged; the page checks the session itself.)
 */
export async function isDraftAddress(pathname: string): Promise<boolean> {
  const slug = /^\/articles\/([^/]{1,200})$/.exec(pathname)?.[1];
  if (!slug || !isSlug(slug) || !env.DATABASE_URL) return false;
  return isDraftSlugTaken(slug).catch(() => false);
}
