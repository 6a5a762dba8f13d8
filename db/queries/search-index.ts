import 'server-only';

import { and, eq, inArray, isNotNull, ne, notInArray, sql } from 'drizzle-orm';

import { type Database, getDb } from '../index';
import { drafts, type SearchDocument, searchDocuments, searchTerms } from '../schema';
import type { Transaction } from './publishing';

/** A row of the index, without the vectors PostgreSQL computes from it. */
export type SearchEntry = Omit<SearchDocument, 'vector' | 'headVector'>;

type Executor = Database | Transaction;

export const contentEntryId = (slug: string) => `content/${slug}`;
export const newsroomEntryId = (draftId: string) => `draft/${draftId}`;

// The words of a row, for "did you mean": unaccented and lower-cased by broadsheet_simple. Taken in
// order, so two transactions adding overlapping words wait for each other instead of deadlocking.
async function addTerms(db: Executor, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.execute(sql`
    insert into ${searchTerms} (term)
    select distinct w.lexeme
      from ${searchDocuments} d,
           unnest(to_tsvector('broadsheet_simple', d.title || ' ' || d.standfirst || ' ' || d.keywords || ' ' || d.body)) w
     where d.id in ${ids} and char_length(w.lexeme) between 3 and 32 and w.lexeme ~ '^[[:alpha:]]+$'
     order by w.lexeme
    on conflict do nothing`);
}

const BATCH = 500;

/** Adds or replaces rows, in the caller's transaction when there is one. */
export async function upsertSearchEntries(entries: SearchEntry[], db: Executor = getDb()): Promise<void> {
  for (let start = 0; start < entries.length; start += BATCH) await upsertBatch(entries.slice(start, start + BATCH), db);
}

/**
 * Adds the rows that do not exist yet, leaving others alone: a publication committed meanwhile
 * has written a newer row than the caller's.
 */
export async function insertMissingSearchEntries(entries: SearchEntry[]): Promise<void> {
  for (let start = 0; start < entries.length; start += BATCH) {
    const batch = entries.slice(start, start + BATCH);
    await getDb().transaction(async (tx) => {
      const added = (await tx.insert(searchDocuments).values(batch).onConflictDoNothing().returning({ id: searchDocuments.id })).map((row) => row.id);
      // An article unpublished since the caller read it (its row deleted meanwhile) must not come back:
      // this statement sees every unpublish committed before it.
      const draftIds = added.filter((id) => id.startsWith(newsroomEntryId(''))).map((id) => id.slice(newsroomEntryId('').length));
      const live = new Set(
        draftIds.length === 0
          ? []
          : (
              await tx
                .select({ id: drafts.id })
                .from(drafts)
                .where(and(inArray(drafts.id, draftIds), isNotNull(drafts.publishedRevisionId)))
            ).map((row) => newsroomEntryId(row.id)),
      );
      const gone = added.filter((id) => id.startsWith(newsroomEntryId('')) && !live.has(id));
      if (gone.length > 0) await tx.delete(searchDocuments).where(inArray(searchDocuments.id, gone));
      await addTerms(
        tx,
        added.filter((id) => !gone.includes(id)),
      );
    });
  }
}

async function upsertBatch(entries: SearchEntry[], db: Executor): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insert(searchDocuments)
    .values(entries)
    .onConflictDoUpdate({
      target: searchDocuments.id,
      set: Object.fromEntries(
        (['source', 'slug', 'title', 'standfirst', 'body', 'keywords', 'section', 'authorSlugs', 'byline', 'published', 'hash', 'config'] as const).map((key) => [
          key,
          sql.raw(`excluded.${searchDocuments[key].name}`),
        ]),
      ),
    });
  await addTerms(
    db,
    entries.map((entry) => entry.id),
  );
}

export async function deleteSearchEntry(id: string, db: Executor = getDb()): Promise<void> {
  await db.delete(searchDocuments).where(eq(searchDocuments.id, id));
}

/** Hash of every content/ row, to index only the files that changed. */
export async function contentEntryHashes(): Promise<Map<string, string>> {
  const rows = await getDb().select({ id: searchDocuments.id, hash: searchDocuments.hash }).from(searchDocuments).where(eq(searchDocuments.source, 'content'));
  return new Map(rows.map((row) => [row.id, row.hash]));
}

/** Drops the content/ rows whose file is gone. */
export async function deleteContentEntriesExcept(keep: string[]): Promise<number> {
  const gone = await getDb()
    .delete(searchDocuments)
    .where(and(eq(searchDocuments.source, 'content'), keep.length > 0 ? notInArray(searchDocuments.id, keep) : undefined))
    .returning({ id: searchDocuments.id });
  return gone.length;
}

/** Re-weighs rows made under another language's configuration (the site's language changed). */
export async function reconfigureSearchEntries(config: string): Promise<number> {
  const rows = await getDb()
    .update(searchDocuments)
    .set({ config })
    .where(ne(searchDocuments.config, sql`${config}::regconfig`))
    .returning({ id: searchDocuments.id });
  return rows.length;
}
