import 'server-only';

import { and, eq, sql } from 'drizzle-orm';

import { type Database, getDb } from '../index';
import { type DraftContent, draftRevisions, drafts, type DraftStatus, frontPageSlots, publishJobs } from '../schema';
import { type DraftViewer, visibleTo } from './drafts';
import { cancelSendsOfDraft } from './newsletter-retries';
import { liveJobsOf } from './schedules';
import { deleteSearchEntry, newsroomEntryId, type SearchEntry, upsertSearchEntries } from './search-index';

export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

export type DraftForPublishing = {
  id: string;
  title: string;
  slug: string;
  status: DraftStatus;
  version: number;
  createdBy: string;
  authorIds: string[];
  publishedAt: Date | null;
  scheduledFor: Date | null;
  publishedRevisionId: string | null;
  /** The snapshot of the current version: what publishing would show. */
  current: DraftContent | null;
  /** The snapshot readers see now, if any. */
  published: DraftContent | null;
};

// Written out in full: drizzle leaves column references unqualified here, which the subquery would
// resolve against draft_revisions.
const current = sql<DraftContent | null>`(select r.content from draft_revisions r where r.draft_id = "drafts"."id" and r.version = "drafts"."version")`;
const published = sql<DraftContent | null>`(select r.content from draft_revisions r where r.id = "drafts"."published_revision_id")`;

const draftColumns = {
  id: drafts.id,
  title: drafts.title,
  slug: drafts.slug,
  status: drafts.status,
  version: drafts.version,
  createdBy: drafts.createdBy,
  authorIds: drafts.authorIds,
  publishedAt: drafts.publishedAt,
  scheduledFor: drafts.scheduledFor,
  publishedRevisionId: drafts.publishedRevisionId,
  current,
  published,
};

export async function getDraftForPublishing(id: string): Promise<DraftForPublishing | undefined> {
  const [row] = await getDb().select(draftColumns).from(drafts).where(eq(drafts.id, id));
  return row;
}

/** A draft the user may see, by id: for the preview route. */
export async function getVisibleDraft(id: string, viewer: DraftViewer): Promise<DraftForPublishing | undefined> {
  const [row] = await getDb()
    .select(draftColumns)
    .from(drafts)
    .where(and(eq(drafts.id, id), visibleTo(viewer)));
  return row;
}

/** The latest saved version of the draft with this address, if the user may see it: the preview. */
export async function getVisibleDraftBySlug(slug: string, viewer: DraftViewer) {
  const [row] = await getDb()
    .select({ id: drafts.id, content: current, publishedAt: drafts.publishedAt, updatedAt: drafts.updatedAt })
    .from(drafts)
    .where(and(eq(drafts.slug, slug), visibleTo(viewer)));
  return row?.content ? { ...row, content: row.content } : undefined;
}

export type PublishChange = { before: DraftContent | null; after: DraftContent | null };

type Locked = { version: number; slug: string; publishedAt: Date | null; published: DraftContent | null; lastPublished: DraftContent | null };

const lastPublished = sql<DraftContent | null>`(select r.content from draft_revisions r where r.id = "drafts"."last_published_revision_id")`;

const lockDraft = async (tx: Transaction, draftId: string): Promise<Locked | undefined> =>
  (
    await tx
      .select({ version: drafts.version, slug: drafts.slug, publishedAt: drafts.publishedAt, published, lastPublished })
      .from(drafts)
      .where(eq(drafts.id, draftId))
      .for('update')
  )[0];

/** What an article page shows of a revision; its address, section, tags and place on the front page are not "the story". */
const visible = (content: DraftContent) =>
  [content.title, content.standfirst, content.body, content.heroImageId, content.heroAlt, content.heroCredit, (content.authorIds ?? []).join(' '), content.credit ?? ''].map(
    (value) => (typeof value === 'string' ? value.trim() : value),
  );

/** Whether readers would see a difference between the two revisions: what makes a republication an update. */
export function changesWhatReadersSee(before: DraftContent, after: DraftContent): boolean {
  const [a, b] = [visible(before), visible(after)];
  return a.some((value, index) => value !== b[index]);
}

/**
 * Points readers at the revision of `version`, inside the caller's transaction, and puts `search`
 * (that version's row of the search index) in the index. Null when the draft is gone or has been
 * saved again since it was checked (the checked version is what gets published).
 */
async function publishVersion(tx: Transaction, draftId: string, version: number, search: SearchEntry, publicationDate?: Date): Promise<PublishChange | null> {
  const row = await lockDraft(tx, draftId);
  if (!row || row.version !== version) return null;
  const [revision] = await tx
    .select({ id: draftRevisions.id, content: draftRevisions.content })
    .from(draftRevisions)
    .where(and(eq(draftRevisions.draftId, draftId), eq(draftRevisions.version, version)));
  return revision ? pointReadersAt(tx, draftId, row, revision, search, publicationDate) : null;
}

/**
 * Publishes exactly this revision (a schedule's), however often the draft was saved since. 'address'
 * when the draft's address has changed since: readers find an article at the draft's address only.
 */
export async function publishRevision(
  tx: Transaction,
  draftId: string,
  revisionId: string,
  search: SearchEntry,
  publicationDate?: Date | null,
): Promise<PublishChange | 'gone' | 'address'> {
  const row = await lockDraft(tx, draftId);
  if (!row) return 'gone';
  const [revision] = await tx
    .select({ id: draftRevisions.id, content: draftRevisions.content })
    .from(draftRevisions)
    .where(and(eq(draftRevisions.id, revisionId), eq(draftRevisions.draftId, draftId)));
  if (!revision) return 'gone';
  if (revision.content.slug !== row.slug) return 'address';
  return pointReadersAt(tx, draftId, row, revision, search, publicationDate ?? undefined);
}

/**
 * `publicationDate`: the date line the editor gave (in the past: checked by the caller); without
 * one the first publication is dated now and later ones keep their date. A later publication that
 * changes what readers see (compared with the revision they saw last) is recorded as an update.
 */
async function pointReadersAt(
  tx: Transaction,
  draftId: string,
  row: Locked,
  revision: { id: string; content: DraftContent },
  search: SearchEntry,
  publicationDate?: Date,
): Promise<PublishChange> {
  const now = new Date();
  const publishedAt = publicationDate ?? row.publishedAt ?? now;
  const updated = row.lastPublished !== null && changesWhatReadersSee(row.lastPublished, revision.content);
  await tx
    .update(drafts)
    .set({
      publishedRevisionId: revision.id,
      lastPublishedRevisionId: revision.id,
      status: 'published',
      scheduledFor: null,
      publishedAt,
      ...(updated ? { contentUpdatedAt: now } : {}),
    })
    .where(eq(drafts.id, draftId));
  await tx
    .update(publishJobs)
    .set({ status: 'cancelled', finishedAt: now })
    .where(and(eq(publishJobs.draftId, draftId), eq(publishJobs.status, 'pending')));
  await upsertSearchEntries([{ ...search, id: newsroomEntryId(draftId), source: 'newsroom', published: publishedAt }], tx);
  return { before: row.published, after: revision.content };
}

export async function publishDraft(draftId: string, version: number, search: SearchEntry, publicationDate?: Date): Promise<PublishChange | null> {
  return getDb().transaction((tx) => publishVersion(tx, draftId, version, search, publicationDate));
}

/**
 * Takes the article off the site and off the front page's chosen positions; the draft and its history
 * stay. Its newsletter sends still going out stop with it (`stoppedSends`); `leaseSeconds`: how long a
 * worker's claim on a row lasts. (The caller expires home with the article's other pages.)
 */
export async function unpublishDraft(draftId: string, leaseSeconds: number): Promise<(PublishChange & { stoppedSends: number }) | null> {
  return getDb().transaction(async (tx) => {
    const [row] = await tx.select({ published }).from(drafts).where(eq(drafts.id, draftId)).for('update');
    if (!row?.published) return null;
    await tx.update(drafts).set({ publishedRevisionId: null, status: 'draft', scheduledFor: null }).where(eq(drafts.id, draftId));
    // Taken off the site means off: a schedule set earlier must not bring it back.
    await tx.update(publishJobs).set({ status: 'cancelled', finishedAt: new Date() }).where(liveJobsOf(draftId));
    await deleteSearchEntry(newsroomEntryId(draftId), tx);
    // Nor may its place on the front page: published again, it waits to be chosen again.
    await tx.delete(frontPageSlots).where(eq(frontPageSlots.articleSlug, row.published.slug));
    const stoppedSends = await cancelSendsOfDraft(tx, draftId, leaseSeconds);
    return { before: row.published, after: null, stoppedSends };
  });
}
