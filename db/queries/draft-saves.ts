import 'server-only';

import { and, eq, isNull, or, sql } from 'drizzle-orm';

import { getDb } from '../index';
import { type DraftContent, draftRevisions, drafts } from '../schema';
import { draftColumns as columns, type DraftRecord, type DraftViewer, editableBy, visibleTo } from './drafts';

export class SlugTakenError extends Error {
  constructor(readonly slug: string) {
    super(`The address ${slug} is taken.`);
  }
}

// Two drafts racing for one address: the unique index decides, and the loser gets a message.
function isSlugViolation(error: unknown): boolean {
  for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) {
    const pg = cause as { code?: string; constraint_name?: string };
    if (pg.code === '23505' && pg.constraint_name === 'drafts_slug_unique') return true;
  }
  return false;
}

async function guardSlug<T>(slug: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isSlugViolation(error)) throw new SlugTakenError(slug);
    throw error;
  }
}

/** A new draft and its revision 1, together or not at all. */
export async function createDraft(userId: string, content: DraftContent): Promise<DraftRecord> {
  return guardSlug(content.slug, () =>
    getDb().transaction(async (tx) => {
      const [row] = await tx
        .insert(drafts)
        .values({ ...content, createdBy: userId, updatedBy: userId })
        .returning({ id: drafts.id });
      if (!row) throw new Error('The draft was not created.');
      await tx.insert(draftRevisions).values({ draftId: row.id, version: 1, content, summary: 'Created', savedBy: userId });
      const [created] = await tx.select(columns).from(drafts).where(eq(drafts.id, row.id));
      return created!;
    }),
  );
}

export type SaveResult =
  | { ok: true; draft: DraftRecord }
  | { ok: false; reason: 'conflict'; current: DraftRecord }
  | { ok: false; reason: 'locked'; current: DraftRecord }
  | { ok: false; reason: 'published-address'; current: DraftRecord }
  | { ok: false; reason: 'not-found' };

export type SaveNote = { summary?: string; /** Of the body, counted by the worker that checked it (null: not counted). */ wordCount?: number | null };

/**
 * Saves `content` as the next version, if the draft is still at `baseVersion`. The check and the
 * write are one UPDATE, so of two saves based on the same version exactly one wins; the other gets
 * the current draft (and who changed it) to show. Status and publishing columns are never touched.
 */
export async function saveDraft(
  viewer: DraftViewer,
  id: string,
  baseVersion: number,
  content: DraftContent,
  { summary = 'Saved', wordCount = null }: SaveNote = {},
): Promise<SaveResult> {
  return guardSlug(content.slug, () =>
    getDb().transaction(async (tx): Promise<SaveResult> => {
      const [saved] = await tx
        .update(drafts)
        .set({ ...content, version: sql`${drafts.version} + 1`, updatedBy: viewer.id, updatedAt: sql`now()` })
        // A published article keeps its address: readers link to it, and it must stay unique among them.
        .where(and(eq(drafts.id, id), eq(drafts.version, baseVersion), editableBy(viewer), or(isNull(drafts.publishedRevisionId), eq(drafts.slug, content.slug))))
        .returning({ version: drafts.version });
      if (saved) {
        await tx.insert(draftRevisions).values({ draftId: id, version: saved.version, content, summary, wordCount, savedBy: viewer.id });
        const [draft] = await tx.select(columns).from(drafts).where(eq(drafts.id, id));
        return { ok: true, draft: draft! };
      }
      const [current] = await tx
        .select(columns)
        .from(drafts)
        .where(and(eq(drafts.id, id), visibleTo(viewer)));
      if (!current) return { ok: false, reason: 'not-found' };
      if (current.version === baseVersion && current.publishedRevisionId && current.slug !== content.slug) return { ok: false, reason: 'published-address', current };
      if (current.version === baseVersion) return { ok: false, reason: 'locked', current };
      return { ok: false, reason: 'conflict', current };
    }),
  );
}
