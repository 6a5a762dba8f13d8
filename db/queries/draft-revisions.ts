import 'server-only';

import { and, desc, eq } from 'drizzle-orm';

import { getDb } from '../index';
import { type DraftContent, draftRevisions, drafts } from '../schema';
import { saveDraft, type SaveResult } from './draft-saves';
import { type DraftViewer, getDraft, nameOf, visibleTo } from './drafts';

export type RevisionRecord = {
  id: string;
  version: number;
  content: DraftContent;
  summary: string;
  wordCount: number | null;
  savedBy: string;
  savedByName: string;
  createdAt: Date;
};

const revisionColumns = {
  id: draftRevisions.id,
  version: draftRevisions.version,
  content: draftRevisions.content,
  summary: draftRevisions.summary,
  wordCount: draftRevisions.wordCount,
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

async function getRevision(viewer: DraftViewer, draftId: string, version: number): Promise<RevisionRecord | undefined> {
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
  // Someone who may only write under their own name cannot bring back another byline either.
  const authorIds = viewer.canEditAny ? (revision.content.authorIds ?? []) : current.authorIds;
  const credit = revision.content.credit ?? '';
  // Only the address and byline may differ from the old revision, so its count of the body still holds.
  return saveDraft(
    viewer,
    draftId,
    baseVersion,
    { ...revision.content, slug: current.slug, authorIds, credit },
    { summary: `Restored version ${version}`, wordCount: revision.wordCount },
  );
}
