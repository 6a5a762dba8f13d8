import 'server-only';

import { createHash } from 'node:crypto';

import type { SearchEntry } from '@/db/queries/search-index';

export { contentEntryId, newsroomEntryId } from '@/db/queries/search-index';
import { type Article, getSite, tagName } from '../content';
import { bylineOf } from '../content/byline';
import { cleanText } from './clean';
import { searchConfigFor } from './language';
import { plainText } from './plain-text';

/** The text search configuration of the site's language. */
export async function searchConfig(): Promise<string> {
  return searchConfigFor((await getSite()).language);
}

/** What an article's row depends on: a file whose hash is unchanged is not parsed again. */
export function entryHash(article: Article, config: string): string {
  const { slug, title, standfirst, body, tags, authors, category, published } = article;
  const source = [config, slug, title, standfirst, body, tags, authors.map((author) => [author.slug, author.name]), category.slug, published.toISOString()];
  return createHash('sha256').update(JSON.stringify(source)).digest('base64url');
}

/** An article as a row of the search index. */
export function searchEntryOf(article: Article, id: string, config: string, hash = entryHash(article, config)): SearchEntry {
  return {
    id,
    source: id.startsWith('draft/') ? 'newsroom' : 'content',
    slug: article.slug,
    title: cleanText(article.title),
    standfirst: cleanText(article.standfirst),
    body: plainText(article.body),
    keywords: cleanText([...article.tags.map(tagName), ...article.authors.map((author) => author.name)].join(' ')),
    section: article.category.slug,
    authorSlugs: article.authors.map((author) => author.slug),
    byline: bylineOf(article),
    published: article.published,
    hash,
    config,
  };
}
