import 'server-only';
import { cache } from 'react';
import { loadContent } from './load';
import { compileMdxCached } from './mdx';
import {
  adjacentArticles,
  homeLayout,
  listArchiveMonths,
  listTags,
  paginate,
  recentArticles,
  relatedArticles,
  yearMonthIn,
} from './queries';
import type { Article, Content } from './types';

export type { Article, ArchiveMonth, Author, Category, Page, Site, Tag } from './types';
export { parsePageNumber, tagName } from './queries';

export const PER_PAGE = 10;
const HOME_LATEST_PER_PAGE = 6;

// Content files do not change while a production server runs, so they are read once per process;
// in development they are read per request so edits show up on reload.
let loaded: Promise<Content> | undefined;
const getContent = cache((): Promise<Content> => {
  if (process.env.NODE_ENV !== 'production') return loadContent();
  loaded ??= loadContent();
  return loaded;
});

export async function getSite() {
  return (await getContent()).site;
}

export async function getCategories() {
  return (await getContent()).categories;
}

export async function getCategory(slug: string) {
  return (await getCategories()).find((category) => category.slug === slug);
}

export async function getAuthors() {
  return [...(await getContent()).authors.values()];
}

export async function getAuthor(slug: string) {
  return (await getContent()).authors.get(slug);
}

export async function getArticles(): Promise<Article[]> {
  return (await getContent()).articles;
}

export const getArticle = cache(async (slug: string): Promise<Article | undefined> => {
  return (await getArticles()).find((article) => article.slug === slug);
});

/** Compiled MDX of the article body, ready for `getMDXComponent`. */
export async function getArticleCode(article: Article): Promise<string> {
  return compileMdxCached(article.body, article.file);
}

export async function getHomePage(page: number) {
  const layout = homeLayout(await getArticles());
  const latest = paginate(layout.latest, page, HOME_LATEST_PER_PAGE);
  return latest && { ...layout, latest };
}

export async function getCategoryPage(slug: string, page: number) {
  const category = await getCategory(slug);
  if (!category) return null;
  const articles = (await getArticles()).filter((article) => article.category.slug === slug);
  const listing = paginate(articles, page, PER_PAGE);
  return listing && { category, listing };
}

export async function getTags() {
  return listTags(await getArticles());
}

export async function getTagPage(slug: string, page: number) {
  const tag = (await getTags()).find((candidate) => candidate.slug === slug);
  if (!tag) return null;
  const articles = (await getArticles()).filter((article) => article.tags.includes(slug));
  const listing = paginate(articles, page, PER_PAGE);
  return listing && { tag, listing };
}

export async function getAuthorPage(slug: string, page: number) {
  const author = await getAuthor(slug);
  if (!author) return null;
  const articles = (await getArticles()).filter((article) => article.author.slug === slug);
  const listing = paginate(articles, page, PER_PAGE);
  return listing && { author, listing };
}

export async function getArchiveMonths() {
  return listArchiveMonths(await getArticles(), (await getSite()).timeZone);
}

export async function getMonthArticles(year: number, month: number) {
  const { timeZone } = await getSite();
  return (await getArticles()).filter((article) => {
    const when = yearMonthIn(article.published, timeZone);
    return when.year === year && when.month === month;
  });
}

export async function getRelatedArticles(article: Article) {
  return relatedArticles(article, await getArticles());
}

export async function getAdjacentArticles(article: Article) {
  return adjacentArticles(article, await getArticles());
}

export async function getRecentArticles(now: Date) {
  return recentArticles(await getArticles(), now);
}

/** Number of pages a listing of `count` items has, for generateStaticParams. */
export function pageCount(count: number, perPage = PER_PAGE): number {
  return Math.max(1, Math.ceil(count / perPage));
}

/** Whether an article in content/ has this address, which a newsroom draft may then not take. */
export async function isContentArticleSlug(slug: string): Promise<boolean> {
  return (await getContent()).articles.some((article) => article.slug === slug);
}

/** Whether an author in content/ has this profile address, which an account may then not take. */
export async function isContentAuthorSlug(slug: string): Promise<boolean> {
  return (await getContent()).authors.has(slug);
}
