import 'server-only';

import { cache } from 'react';

import { ARCHIVE_TAG, ARTICLES_TAG, articleTag, authorTag, categoryTag, CORRECTIONS_TAG, tagTag } from '../cache/tags';
import { yearMonthIn } from '../dates/format';
import { articlesFor } from './articles';
import { compileMdxCached } from './mdx';
import { getNewsroomAuthor } from './newsroom-authors';
import { newsroomArticleCode } from './newsroom-code';
import { CORRECTIONS_PER_PAGE, PER_PAGE } from './paging';
import { readPublishedArticles } from './published';
import {
  adjacentArticles,
  listArchiveMonths,
  listTags,
  paginate,
  recentArticles,
  relatedArticles,
} from './queries';
import type { Article, ArticleCorrection, Author, Content, Page } from './types';

export { readArticlesNow } from './articles';
export { getHomePage, homePage } from './home';
export { PER_PAGE } from './paging';
export { parsePageNumber, tagName } from './queries';
export type { ArchiveMonth, Article, ArticleCorrection, Author, Category, Page, Site, Tag } from './types';

import { getCategory, getContent, getSections, getSite } from './site-and-sections';

export { currentCategorySlug, getCategories, getCategory, getFileCategories, getRetiredCategoryTarget, getSite, getSiteFile } from './site-and-sections';

/** Authors of content/, and newsroom profiles on the byline of a published article. */
function authorsOf(content: Content, articles: Article[]): Map<string, Author> {
  const authors = new Map(content.authors);
  for (const author of articles.flatMap((article) => article.authors)) if (!authors.has(author.slug)) authors.set(author.slug, author);
  return authors;
}

export async function getAuthors() {
  return [...authorsOf(await getContent(), await getArticles()).values()];
}

/** Every article: for feeds, sitemaps and static params, which show (or list) any of them. */
export async function getArticles(): Promise<Article[]> {
  return articlesFor(ARTICLES_TAG);
}

export const getArticle = cache(async (slug: string): Promise<Article | undefined> => {
  return (await articlesFor(articleTag(slug))).find((article) => article.slug === slug);
});

/** Compiled MDX of the article body, ready for `getMDXComponent`. */
export async function getArticleCode(article: Article): Promise<string> {
  // Newsroom bodies were written in a browser: only the restricted MDX is compiled, off the main thread.
  if (isNewsroomArticle(article)) return newsroomArticleCode(article.body, article.file);
  return compileMdxCached(article.body, article.file);
}

const isNewsroomArticle = (article: Article) => article.file.startsWith('draft ');

/** The articles of content/ alone: the search index keeps them by hash. */
export async function getContentArticles(): Promise<Article[]> {
  return (await getContent()).articles;
}

/** Published newsroom articles read now, past every cache, with their drafts' ids: for the search index. */
export async function readNewsroomArticles(): Promise<{ draftId: string; article: Article }[]> {
  const { categories, moved } = await getSections();
  const articles = await readPublishedArticles(categories, moved);
  return articles.filter(isNewsroomArticle).map((article) => ({ draftId: article.file.slice('draft '.length), article }));
}

export async function getCategoryPage(slug: string, page: number) {
  const category = await getCategory(slug);
  if (!category) return null;
  const articles = (await articlesFor(categoryTag(slug))).filter((article) => article.category.slug === slug);
  const listing = paginate(articles, page, PER_PAGE);
  return listing && { category, listing };
}

export async function getTags() {
  return listTags(await getArticles());
}

export async function getTagPage(slug: string, page: number) {
  const articles = (await articlesFor(tagTag(slug))).filter((article) => article.tags.includes(slug));
  const tag = listTags(articles).find((candidate) => candidate.slug === slug);
  if (!tag) return null;
  const listing = paginate(articles, page, PER_PAGE);
  return listing && { tag, listing };
}

export async function getAuthorPage(slug: string, page: number) {
  const articles = await articlesFor(authorTag(slug));
  const author = authorsOf(await getContent(), articles).get(slug) ?? (await getNewsroomAuthor(slug));
  if (!author) return null;
  const listing = paginate(
    articles.filter((article) => article.authors.some((author) => author.slug === slug)),
    page,
    PER_PAGE,
  );
  return listing && { author, listing };
}

export async function getArchiveMonths() {
  return listArchiveMonths(await articlesFor(ARCHIVE_TAG), (await getSite()).timeZone);
}

export async function getMonthArticles(year: number, month: number) {
  const { timeZone } = await getSite();
  return (await articlesFor(ARCHIVE_TAG)).filter((article) => {
    const when = yearMonthIn(article.published, timeZone);
    return when.year === year && when.month === month;
  });
}

export type ListedCorrection = ArticleCorrection & { article: Pick<Article, 'slug' | 'title'> };

/** Every correction of every article, content/ and newsroom alike, newest first: /corrections. */
export async function getCorrectionsPage(page: number): Promise<Page<ListedCorrection> | null> {
  const corrections = (await articlesFor(CORRECTIONS_TAG))
    .flatMap((article) => article.corrections.map((correction) => ({ ...correction, article: { slug: article.slug, title: article.title } })))
    .sort((a, b) => b.date.getTime() - a.date.getTime() || a.article.slug.localeCompare(b.article.slug));
  return paginate(corrections, page, CORRECTIONS_PER_PAGE);
}

/**
 * Related stories and neighbours come from the whole list, so an article page carries its tag too:
 * any new article may belong in its related box, and the page re-renders on its next visit.
 */
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
