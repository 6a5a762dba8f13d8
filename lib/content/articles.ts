import 'server-only';

import { publishedArticles, readPublishedArticles } from './published';
import { getContent, getSections } from './site-and-sections';
import type { Article } from './types';

// The one list of articles: content/ files and published newsroom articles, newest first. A
// newsroom article never takes a content/ address.

function merge(files: Article[], fromDatabase: Article[]): Article[] {
  if (fromDatabase.length === 0) return files;
  const taken = new Set(files.map((article) => article.slug));
  return [...files, ...fromDatabase.filter((article) => !taken.has(article.slug))].sort(
    (a, b) => b.published.getTime() - a.published.getTime() || a.slug.localeCompare(b.slug),
  );
}

/** The list as the page of cache tag `scope` reads it (see lib/cache/tags.ts). */
export async function articlesFor(scope: string): Promise<Article[]> {
  const [content, sections] = await Promise.all([getContent(), getSections()]);
  return merge(content.articles, await publishedArticles(scope, sections.categories, sections.moved));
}

/** The list read now, past every cache: what a newsroom decision is checked against, in or out of a request. */
export async function readArticlesNow(): Promise<Article[]> {
  const [content, sections] = await Promise.all([getContent(), getSections()]);
  return merge(content.articles, await readPublishedArticles(sections.categories, sections.moved));
}
