import 'server-only';

import { and, asc, eq, isNull, notInArray, sql } from 'drizzle-orm';

import { type Database, getDb } from '../index';
import { draftRevisions, drafts } from '../schema';

/** A published revision whose body has no stored word count (saved before counts were stored). */
export type UncountedRevision = { id: string; slug: string; body: string };

/** Up to `limit` of them, leaving out `skip` (ones that could not be counted this time). */
export async function listUncountedPublished(limit: number, skip: string[] = [], db: Database = getDb()): Promise<UncountedRevision[]> {
  return db
    .select({ id: draftRevisions.id, slug: drafts.slug, body: sql<string>`${draftRevisions.content}->>'body'` })
    .from(drafts)
    .innerJoin(draftRevisions, eq(draftRevisions.id, drafts.publishedRevisionId))
    .where(and(isNull(draftRevisions.wordCount), skip.length > 0 ? notInArray(draftRevisions.id, skip) : undefined))
    .orderBy(asc(draftRevisions.id))
    .limit(limit);
}

type RevisionKey = { revisionId: string } | { draftId: string; version: number };

/** Stores the count of a revision's body; one already stored stays (it was counted from the same body). */
export async function storeWordCount(revision: RevisionKey, words: number, db: Database = getDb()): Promise<void> {
  const which =
    'revisionId' in revision ? eq(draftRevisions.id, revision.revisionId) : and(eq(draftRevisions.draftId, revision.draftId), eq(draftRevisions.version, revision.version));
  await db
    .update(draftRevisions)
    .set({ wordCount: words })
    .where(and(which, isNull(draftRevisions.wordCount)));
}
