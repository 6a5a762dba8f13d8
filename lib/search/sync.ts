import 'server-only';

import { listPublishedBylinedOn } from '@/db/queries/published';
import { contentEntryHashes, deleteContentEntriesExcept, insertMissingSearchEntries, reconfigureSearchEntries, upsertSearchEntries } from '@/db/queries/search-index';
import type { AuthorProfile } from '@/db/schema';

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

/**
 * A profile's name or address changed: the rows of its published articles take the new byline and
 * author filter (publishing writes them only when it runs). Returns how many rows were written.
 */
export async function reindexProfileArticles(profileId: string): Promise<number> {
  const bylined = new Set((await listPublishedBylinedOn(profileId)).map((article) => article.draftId));
  if (bylined.size === 0) return 0;
  const config = await searchConfig();
  const articles = (await readNewsroomArticles()).filter(({ draftId }) => bylined.has(draftId));
  await upsertSearchEntries(articles.map(({ draftId, article }) => searchEntryOf(article, newsroomEntryId(draftId), config)));
  return articles.length;
}

/** After a profile save: re-index its articles when what their rows show of it (name, address) changed. */
export async function reindexAfterProfileSave(before: AuthorProfile | undefined, after: AuthorProfile): Promise<void> {
  if (before && (before.name !== after.name || before.slug !== after.slug)) await reindexProfileArticles(after.id);
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
