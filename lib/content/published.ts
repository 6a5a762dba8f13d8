import 'server-only';

import { unstable_cache } from 'next/cache';
import { cache } from 'react';

import { isDatabaseUnreachable } from '@/db';
import { listAuthorProfiles } from '@/db/queries/author-profiles';
import { listPublishedCorrections } from '@/db/queries/corrections';
import { listPublishedSnapshots } from '@/db/queries/published';
import { log, reasonOf } from '@/lib/log';

import { CORRECTIONS_TAG, DATABASE_TAG } from '../cache/tags';
import { env } from '../env.mjs';
import { resolveSection } from '../sections/resolve';
import { draftToArticle } from './draft-article';
import type { Article, Category } from './types';

// `next build` never reads the database (it may not even be migrated): pages prerender with
// content/ only, and the server expires DATABASE_TAG when it starts, so its first request re-reads.
export const building = () => process.env.NEXT_PHASE === 'phase-production-build';

/**
 * Every published newsroom article, as the Article every page renders. A revision filed under a
 * retired section is history and stays as it is: `moved` (see sections.ts) files it where it went.
 */
export async function readPublishedArticles(categories: Category[], moved: Record<string, string> = {}): Promise<Article[]> {
  if (building() || !env.DATABASE_URL) return [];
  const articles: Article[] = [];
  // Every profile in one read (a few hundred rows at most), rather than one read per article.
  const [snapshots, corrections, profiles] = await Promise.all([listPublishedSnapshots(), listPublishedCorrections(), listAuthorProfiles()]);
  const byId = new Map(profiles.map((profile) => [profile.id, profile]));
  for (const snapshot of snapshots) {
    const ofArticle = (corrections.get(snapshot.id) ?? []).map(({ createdAt, kind, text }) => ({ date: createdAt, kind, text }));
    const result = await draftToArticle(
      // The count stored with the revision: a listing never compiles a body (see word-counts.ts).
      {
        id: snapshot.id,
        content: { ...snapshot.content, category: resolveSection(moved, snapshot.content.category) },
        words: snapshot.wordCount, publishedAt: snapshot.publishedAt, updatedAt: snapshot.contentUpdatedAt,
        corrections: ofArticle,
      },
      categories,
      byId,
    );
    // Something it depends on changed after publication (a category removed, a profile emptied):
    // the article is left out and the newsroom told, rather than the page failing.
    if (result.ok) articles.push(result.article);
    else log.error(`Published draft ${snapshot.id} (${snapshot.content.slug}) cannot be shown: ${result.problems.join(' ')}`);
  }
  return articles;
}

type Cached = Omit<Article, 'published' | 'updated' | 'corrections'> & {
  published: string;
  updated?: string;
  corrections: (Omit<Article['corrections'][number], 'date'> & { date: string })[];
};

// unstable_cache stores JSON, so dates come back as strings.
function revive({ published, updated, corrections, ...article }: Cached): Article {
  return {
    ...article,
    published: new Date(published),
    ...(updated ? { updated: new Date(updated) } : {}),
    corrections: corrections.map((correction) => ({ ...correction, date: new Date(correction.date) })),
  };
}

// While the database cannot be reached, pages render with content/ alone (rather than failing). This
// entry's short lifetime becomes the page's, so such a page is rendered again, complete, within
// OUTAGE_RETRY_SECONDS of the database coming back, instead of being kept until the next publication.
const OUTAGE_RETRY_SECONDS = 30;
const withoutDatabase = unstable_cache(async (): Promise<Cached[]> => [], ['published-articles', 'without-database'], { revalidate: OUTAGE_RETRY_SECONDS });

const readers = new Map<string, (categories: Category[], moved: Record<string, string>) => Promise<Cached[]>>();

/**
 * What a scope's page can show: one article's page keeps just that article, a category, tag or author
 * page just theirs, so the cache holds each article a few times, not once per page.
 */
function relevantTo(scope: string): (article: Article) => boolean {
  const [kind, slug] = scope.split(':');
  switch (kind) {
    case 'article':
      return (article) => article.slug === slug;
    case 'category':
      return (article) => article.category.slug === slug;
    case 'tag':
      return (article) => article.tags.includes(slug ?? '');
    case 'author':
      return (article) => article.authors.some((author) => author.slug === slug);
    case CORRECTIONS_TAG:
      return (article) => article.corrections.length > 0;
    default:
      return () => true;
  }
}

function readerFor(scope: string) {
  let reader = readers.get(scope);
  if (!reader) {
    const relevant = relevantTo(scope);
    reader = unstable_cache(
      async (categories: Category[], moved: Record<string, string>) => (await readPublishedArticles(categories, moved)).filter(relevant) as unknown as Cached[],
      ['published-articles', building() ? 'build' : 'run', scope],
      { tags: [DATABASE_TAG, scope] },
    );
    readers.set(scope, reader);
  }
  return reader;
}

/**
 * Published newsroom articles, read under `scope`, the cache tag of the page asking: the entry's tags
 * become the page's, so publishing re-renders exactly the pages whose scope it expires.
 */
export const publishedArticles = cache(async (scope: string, categories: Category[], moved: Record<string, string>): Promise<Article[]> => {
  try {
    return (await readerFor(scope)(categories, moved)).map(revive);
  } catch (error) {
    if (!isDatabaseUnreachable(error)) throw error;
    // An outage, not a bug: its message is all there is to know.
    log.warn({ reason: reasonOf(error) }, `The database cannot be reached; rendering ${scope} with content/ alone for now`);
    return (await withoutDatabase()).map(revive);
  }
});
