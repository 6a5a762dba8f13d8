import 'server-only';

import { and, eq, type SQL, sql } from 'drizzle-orm';

import { getDb } from '../index';
import { drafts, type DraftStatus } from '../schema';
import { type DraftRecord, type DraftViewer, getDraft, visibleTo } from './drafts';

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
