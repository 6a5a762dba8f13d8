import 'server-only';

import { and, asc, desc, eq, ne, or, type SQL, sql } from 'drizzle-orm';

import { getDb } from '../index';
import { type DraftContent, draftRevisions, drafts, type DraftStatus } from '../schema';

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

export const nameOf = (column: SQL | typeof drafts.updatedBy | typeof drafts.createdBy | typeof draftRevisions.savedBy) =>
  sql<string>`(select u.name from users u where u.id = ${column})`;

export const draftColumns = {
  id: drafts.id,
  title: drafts.title,
  slug: drafts.slug,
  standfirst: drafts.standfirst,
  category: drafts.category,
  tags: drafts.tags,
  authorIds: drafts.authorIds,
  credit: drafts.credit,
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

/** The byline names the viewer's own profile (the GIN index on author_ids answers it). */
const bylinedOn = (userId: string) => sql`${drafts.authorIds} && array(select p.id from author_profiles p where p.user_id = ${userId})`;

/** Who may see a draft: the one rule for every query that reads drafts (editing, preview, publishing). */
export function visibleTo(viewer: DraftViewer): SQL | undefined {
  if (viewer.canEditAny) return undefined;
  return or(eq(drafts.createdBy, viewer.id), bylinedOn(viewer.id));
}

/** Contributors may change a draft only while it is theirs to write, not once it is with the editors. */
export function editableBy(viewer: DraftViewer): SQL | undefined {
  if (viewer.canEditAny) return undefined;
  return and(visibleTo(viewer), eq(drafts.status, 'draft'));
}

export function contentOf(draft: DraftContent): DraftContent {
  const { title, slug, standfirst, category, tags, authorIds, credit, heroImageId, heroAlt, heroCredit, body, featured } = draft;
  return { title, slug, standfirst, category, tags, authorIds, credit, heroImageId, heroAlt, heroCredit, body, featured };
}

export async function getDraft(viewer: DraftViewer, id: string): Promise<DraftRecord | undefined> {
  const [row] = await getDb()
    .select(draftColumns)
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
  // The byline's names in order; before it has any, the name of whoever started the draft.
  authorName: sql<string>`coalesce((select string_agg(p.name, ', ' order by a.n) from unnest(${drafts.authorIds}) with ordinality a(id, n) join author_profiles p on p.id = a.id), ${nameOf(drafts.createdBy)})`,
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
