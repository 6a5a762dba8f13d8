import 'server-only';
import { and, asc, desc, eq, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { getDb } from '../index';
import { draftRevisions, drafts, type DraftContent, type DraftStatus } from '../schema';

/**
 * Who is asking. Contributors only ever reach drafts they created or write under their name; the
 * rule is part of every query's WHERE, so no page or action can forget it.
 */
export type DraftViewer = { id: string; canEditAny: boolean };

export type DraftRecord = DraftContent & {
  id: string;
  status: DraftStatus;
  version: number;
  createdBy: string;
  updatedBy: string;
  updatedByName: string;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
  publishedAt: Date | null;
  publishedRevisionId: string | null;
  scheduledFor: Date | null;
};

const nameOf = (column: SQL | typeof drafts.updatedBy | typeof draftRevisions.savedBy) =>
  sql<string>`(select u.name from users u where u.id = ${column})`;

const columns = {
  id: drafts.id,
  title: drafts.title,
  slug: drafts.slug,
  standfirst: drafts.standfirst,
  category: drafts.category,
  tags: drafts.tags,
  authorId: drafts.authorId,
  heroImageId: drafts.heroImageId,
  heroAlt: drafts.heroAlt,
  heroCredit: drafts.heroCredit,
  body: drafts.body,
  featured: drafts.featured,
  status: drafts.status,
  version: drafts.version,
  createdBy: drafts.createdBy,
  updatedBy: drafts.updatedBy,
  updatedByName: nameOf(drafts.updatedBy),
  createdAt: drafts.createdAt,
  updatedAt: drafts.updatedAt,
  submittedAt: drafts.submittedAt,
  publishedAt: drafts.publishedAt,
  publishedRevisionId: drafts.publishedRevisionId,
  scheduledFor: drafts.scheduledFor,
};

/** Who may see a draft: the one rule for every query that reads drafts (editing, preview, publishing). */
export function visibleTo(viewer: DraftViewer): SQL | undefined {
  if (viewer.canEditAny) return undefined;
  return or(eq(drafts.createdBy, viewer.id), eq(drafts.authorId, viewer.id));
}

/** Contributors may change a draft only while it is theirs to write, not once it is with the editors. */
function editableBy(viewer: DraftViewer): SQL | undefined {
  if (viewer.canEditAny) return undefined;
  return and(visibleTo(viewer), eq(drafts.status, 'draft'));
}

export function contentOf(draft: DraftContent): DraftContent {
  const { title, slug, standfirst, category, tags, authorId, heroImageId, heroAlt, heroCredit, body, featured } = draft;
  return { title, slug, standfirst, category, tags, authorId, heroImageId, heroAlt, heroCredit, body, featured };
}

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

export async function getDraft(viewer: DraftViewer, id: string): Promise<DraftRecord | undefined> {
  const [row] = await getDb()
    .select(columns)
    .from(drafts)
    .where(and(eq(drafts.id, id), visibleTo(viewer)));
  return row;
}

export type DraftListItem = Pick<DraftRecord, 'id' | 'title' | 'slug' | 'status' | 'version' | 'updatedAt' | 'updatedByName' | 'submittedAt'> & { authorName: string };

export const listColumns = {
  id: drafts.id,
  title: drafts.title,
  slug: drafts.slug,
  status: drafts.status,
  version: drafts.version,
  updatedAt: drafts.updatedAt,
  updatedByName: nameOf(drafts.updatedBy),
  submittedAt: drafts.submittedAt,
  authorName: nameOf(sql`${drafts.authorId}`),
};

/** The drafts a person may open, most recently changed first. */
export async function listDrafts(viewer: DraftViewer): Promise<DraftListItem[]> {
  return getDb().select(listColumns).from(drafts).where(visibleTo(viewer)).orderBy(desc(drafts.updatedAt));
}

/** Drafts waiting for an editor, the longest-waiting first. */
export async function listReviewQueue(): Promise<DraftListItem[]> {
  return getDb().select(listColumns).from(drafts).where(eq(drafts.status, 'in_review')).orderBy(asc(drafts.submittedAt));
}

/** Whether another draft already has this address. */
export async function isDraftSlugTaken(slug: string, exceptId?: string): Promise<boolean> {
  const [row] = await getDb()
    .select({ id: drafts.id })
    .from(drafts)
    .where(and(eq(drafts.slug, slug), exceptId ? ne(drafts.id, exceptId) : undefined))
    .limit(1);
  return row !== undefined;
}

export type SaveResult =
  | { ok: true; draft: DraftRecord }
  | { ok: false; reason: 'conflict'; current: DraftRecord }
  | { ok: false; reason: 'locked'; current: DraftRecord }
  | { ok: false; reason: 'published-address'; current: DraftRecord }
  | { ok: false; reason: 'not-found' };

/**
 * Saves `content` as the next version, if the draft is still at `baseVersion`. The check and the
 * write are one UPDATE, so of two saves based on the same version exactly one wins; the other gets
 * the current draft (and who changed it) to show. Status and publishing columns are never touched.
 */
export async function saveDraft(viewer: DraftViewer, id: string, baseVersion: number, content: DraftContent, summary = 'Saved'): Promise<SaveResult> {
  return guardSlug(content.slug, () =>
    getDb().transaction(async (tx): Promise<SaveResult> => {
      const [saved] = await tx
        .update(drafts)
        .set({ ...content, version: sql`${drafts.version} + 1`, updatedBy: viewer.id, updatedAt: sql`now()` })
        // A published article keeps its address: readers link to it, and it must stay unique among them.
        .where(and(eq(drafts.id, id), eq(drafts.version, baseVersion), editableBy(viewer), or(isNull(drafts.publishedRevisionId), eq(drafts.slug, content.slug))))
        .returning({ version: drafts.version });
      if (saved) {
        await tx.insert(draftRevisions).values({ draftId: id, version: saved.version, content, summary, savedBy: viewer.id });
        const [draft] = await tx.select(columns).from(drafts).where(eq(drafts.id, id));
        return { ok: true, draft: draft! };
      }
      const [current] = await tx.select(columns).from(drafts).where(and(eq(drafts.id, id), visibleTo(viewer)));
      if (!current) return { ok: false, reason: 'not-found' };
      if (current.version === baseVersion && current.publishedRevisionId && current.slug !== content.slug) return { ok: false, reason: 'published-address', current };
      if (current.version === baseVersion) return { ok: false, reason: 'locked', current };
      return { ok: false, reason: 'conflict', current };
    }),
  );
}

export type RevisionRecord = { id: string; version: number; content: DraftContent; summary: string; savedBy: string; savedByName: string; createdAt: Date };

const revisionColumns = {
  id: draftRevisions.id,
  version: draftRevisions.version,
  content: draftRevisions.content,
  summary: draftRevisions.summary,
  savedBy: draftRevisions.savedBy,
  savedByName: nameOf(draftRevisions.savedBy),
  createdAt: draftRevisions.createdAt,
};

/** Every revision of a draft the viewer may open, newest first. */
export async function listRevisions(viewer: DraftViewer, draftId: string): Promise<RevisionRecord[]> {
  return getDb()
    .select(revisionColumns)
    .from(draftRevisions)
    .innerJoin(drafts, eq(drafts.id, draftRevisions.draftId))
    .where(and(eq(draftRevisions.draftId, draftId), visibleTo(viewer)))
    .orderBy(desc(draftRevisions.version));
}

export async function getRevision(viewer: DraftViewer, draftId: string, version: number): Promise<RevisionRecord | undefined> {
  const [row] = await getDb()
    .select(revisionColumns)
    .from(draftRevisions)
    .innerJoin(drafts, eq(drafts.id, draftRevisions.draftId))
    .where(and(eq(draftRevisions.draftId, draftId), eq(draftRevisions.version, version), visibleTo(viewer)));
  return row;
}

/** Brings back an old revision as a new version; like any save, it is refused over a newer version. */
export async function restoreRevision(viewer: DraftViewer, draftId: string, version: number, baseVersion: number): Promise<SaveResult> {
  const [revision, current] = await Promise.all([getRevision(viewer, draftId, version), getDraft(viewer, draftId)]);
  if (!revision || !current) return { ok: false, reason: 'not-found' };
  // The address stays: another article may have taken the old one, and a published address never changes.
  // Someone who may only write under their own name cannot bring back another author either.
  const authorId = viewer.canEditAny ? revision.content.authorId : current.authorId;
  return saveDraft(viewer, draftId, baseVersion, { ...revision.content, slug: current.slug, authorId }, `Restored version ${version}`);
}

type StatusChange = { ok: true; draft: DraftRecord } | { ok: false; current: DraftRecord | undefined };

async function changeStatus(viewer: DraftViewer, id: string, from: DraftStatus, set: { status: DraftStatus; submittedAt: Date | null | SQL }): Promise<StatusChange> {
  const [row] = await getDb()
    .update(drafts)
    .set(set)
    .where(and(eq(drafts.id, id), eq(drafts.status, from), visibleTo(viewer)))
    .returning({ id: drafts.id });
  const current = await getDraft(viewer, id);
  return row && current ? { ok: true, draft: current } : { ok: false, current };
}

export function submitForReview(viewer: DraftViewer, id: string): Promise<StatusChange> {
  return changeStatus(viewer, id, 'draft', { status: 'in_review', submittedAt: sql`now()` });
}

/** Withdrawn by its writer or returned by an editor: the draft is the writer's to change again. */
export function backToWriter(viewer: DraftViewer, id: string): Promise<StatusChange> {
  return changeStatus(viewer, id, 'in_review', { status: 'draft', submittedAt: null });
}
