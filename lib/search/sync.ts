import 'server-only';

import { contentEntryHashes, deleteContentEntriesExcept, insertMissingSearchEntries, reconfigureSearchEntries, upsertSearchEntries } from '@/db/queries/search-index';

import { getContentArticles, readNewsroomArticles } from '../content';
import { env } from '../env.mjs';
import { contentEntryId, entryHash, newsroomEntryId, searchConfig, searchEntryOf } from './entries';

export type SyncReport = { reconfigured: number; indexed: number; removed: number };

/** Brings content/ rows up to date: only files whose hash changed are parsed and written. */
export async function syncContentIndex(): Promise<SyncReport> {
  const config = await searchConfig();
  const reconfigured = await reconfigureSearchEntries(config);
  const [articles, known] = await Promise.all([getContentArticles(), contentEntryHashes()]);
  const changed = articles.map((article) => ({ article, id: contentEntryId(article.slug), hash: entryHash(article, config) })).filter(({ id, hash }) => known.get(id) !== hash);
  await upsertSearchEntries(changed.map(({ article, id, hash }) => searchEntryOf(article, id, config, hash)));
  const removed = await deleteContentEntriesExcept(articles.map((article) => contentEntryId(article.slug)));
  return { reconfigured, indexed: changed.length, removed };
}

/**
 * Articles published before the index existed. Publishing itself keeps newsroom rows current (in
 * its transaction), so this only adds missing rows and never overwrites one.
 */
async function backfillNewsroomIndex(): Promise<void> {
  const config = await searchConfig();
  const articles = await readNewsroomArticles();
  await insertMissingSearchEntries(articles.map(({ draftId, article }) => searchEntryOf(article, newsroomEntryId(draftId), config)));
}

let contentSynced: Promise<unknown> | undefined;
let newsroomSynced: Promise<unknown> | undefined;

/**
 * Called when a server starts and before the first search it answers. content/ files only change
 * with a deploy in production; in development they are compared again on every search.
 */
export async function ensureSearchIndex(): Promise<void> {
  const content = env.NODE_ENV === 'production' ? (contentSynced ??= syncContentIndex()) : syncContentIndex();
  newsroomSynced ??= backfillNewsroomIndex();
  await Promise.all([content, newsroomSynced]).catch((error: unknown) => {
    contentSynced = newsroomSynced = undefined;
    throw error;
  });
}
