import 'server-only';

import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';

import { getDb } from '../index';
import { type Correction, corrections, draftRevisions, drafts } from '../schema';

// Corrections are appended, never changed or removed (see the table in db/schema.ts): this module
// has no update and no delete, and the database refuses an UPDATE.

export type NewCorrection = Pick<Correction, 'draftId' | 'kind' | 'text' | 'createdBy'>;

/**
 * Appends a correction to a published article; null when it is not published. The draft row is
 * held while it is added, so an article being unpublished meanwhile gets none left behind.
 * Returns it with the article's public address.
 */
export async function appendCorrection(correction: NewCorrection): Promise<(Correction & { slug: string }) | null> {
  return getDb().transaction(async (tx) => {
    const [article] = await tx
      .select({ slug: sql<string>`${draftRevisions.content}->>'slug'` })
      .from(drafts)
      .innerJoin(draftRevisions, eq(draftRevisions.id, drafts.publishedRevisionId))
      .where(eq(drafts.id, correction.draftId))
      .for('share', { of: drafts });
    if (!article) return null;
    const [added] = await tx.insert(corrections).values(correction).returning();
    return { ...added!, slug: article.slug };
  });
}

/** A draft's corrections, newest first: for its page in the newsroom. */
export async function listCorrectionsOf(draftId: string): Promise<Correction[]> {
  return getDb().select().from(corrections).where(eq(corrections.draftId, draftId)).orderBy(desc(corrections.createdAt), desc(corrections.id));
}

/** The corrections of every published newsroom article, by draft, newest first: what readers see. */
export async function listPublishedCorrections(draftIds?: string[]): Promise<Map<string, Correction[]>> {
  const rows = await getDb()
    .select({ correction: corrections })
    .from(corrections)
    .innerJoin(drafts, eq(drafts.id, corrections.draftId))
    .where(and(isNotNull(drafts.publishedRevisionId), draftIds ? inArray(corrections.draftId, draftIds) : undefined))
    .orderBy(asc(corrections.draftId), desc(corrections.createdAt), desc(corrections.id));
  const byDraft = new Map<string, Correction[]>();
  for (const { correction } of rows) byDraft.set(correction.draftId, [...(byDraft.get(correction.draftId) ?? []), correction]);
  return byDraft;
}
