import 'server-only';

import { and, desc, eq, or, sql } from 'drizzle-orm';

import { getDb } from '../index';
import { draftRevisions, drafts, publishJobs } from '../schema';
import type { Transaction } from './publishing';

/** Every job of the draft that could still publish it, a running one included (its completion then fails). */
export const liveJobsOf = (draftId: string) =>
  and(eq(publishJobs.draftId, draftId), or(eq(publishJobs.status, 'pending'), eq(publishJobs.status, 'running'), eq(publishJobs.status, 'failed')));

/**
 * What a schedule does to the job queue, inside the schedule's own transaction, so a publish job is
 * queued exactly when it is recorded, and unqueued when it is cancelled (lib/jobs/publications.ts).
 */
export type ScheduleQueue = {
  /** Called before the transaction opens: the queue must be up before it can join one. */
  ready(): Promise<void>;
  queued(job: { id: string; runAt: Date }, tx: Transaction): Promise<unknown>;
  cancelled(jobIds: string[], tx: Transaction): Promise<unknown>;
};

const cancelLiveJobs = async (tx: Transaction, draftId: string, queue: ScheduleQueue) => {
  const cancelled = await tx.update(publishJobs).set({ status: 'cancelled', finishedAt: new Date() }).where(liveJobsOf(draftId)).returning({ id: publishJobs.id });
  await queue.cancelled(
    cancelled.map((job) => job.id),
    tx,
  );
  return cancelled;
};

/**
 * Schedules (or moves) the draft's one live publication of `version`, the version the editor saw:
 * the job names its revision, so exactly that is published. 'changed' when the draft has been saved
 * again since (checked under the row lock, so a save cannot slip in between).
 */
/** `publicationDate`: the date line the publication gets, if the editor gave one (see publishing.ts). */
export async function scheduleDraft(
  draftId: string,
  runAt: Date,
  userId: string,
  version: number,
  emailSubscribers: boolean,
  queue: ScheduleQueue,
  publicationDate: Date | null = null,
): Promise<boolean | 'changed'> {
  await queue.ready();
  return getDb().transaction(async (tx) => {
    const [row] = await tx.select({ version: drafts.version }).from(drafts).where(eq(drafts.id, draftId)).for('update');
    if (!row) return false;
    if (row.version !== version) return 'changed';
    const [revision] = await tx
      .select({ id: draftRevisions.id })
      .from(draftRevisions)
      .where(and(eq(draftRevisions.draftId, draftId), eq(draftRevisions.version, version)));
    if (!revision) return false;
    // The new time replaces the old one, even one being run right now: that run then completes nothing.
    await cancelLiveJobs(tx, draftId, queue);
    const [job] = await tx
      .insert(publishJobs)
      .values({ draftId, revisionId: revision.id, runAt, createdBy: userId, emailSubscribers, publicationDate })
      .returning({ id: publishJobs.id });
    await queue.queued({ id: job!.id, runAt }, tx);
    await tx.update(drafts).set({ status: 'scheduled', scheduledFor: runAt }).where(eq(drafts.id, draftId));
    return true;
  });
}

/** Cancels the draft's schedule: 'none' when nothing was scheduled. */
export async function cancelSchedule(draftId: string, queue: ScheduleQueue): Promise<boolean | 'none'> {
  await queue.ready();
  return getDb().transaction(async (tx) => {
    const [row] = await tx.select({ status: drafts.status, publishedRevisionId: drafts.publishedRevisionId }).from(drafts).where(eq(drafts.id, draftId)).for('update');
    if (!row) return false;
    const cancelled = await cancelLiveJobs(tx, draftId, queue);
    if (cancelled.length === 0 && row.status !== 'scheduled') return 'none';
    await tx
      .update(drafts)
      .set({ status: row.publishedRevisionId ? 'published' : 'draft', scheduledFor: null })
      .where(eq(drafts.id, draftId));
    return true;
  });
}

export type ScheduleRow = {
  jobId: string;
  draftId: string;
  title: string;
  runAt: Date;
  status: 'pending' | 'running' | 'failed';
  attempts: number;
  lastError: string | null;
  /** The version the schedule publishes (null on a job from before versions were pinned). */
  version: number | null;
  /** The draft's latest saved version: newer than `version` means changes nobody approved yet. */
  currentVersion: number;
  /** The publication also starts the newsletter send. */
  emailSubscribers: boolean;
};

/** Schedules still to run, and those that gave up: what editors must see. */
export async function listSchedules(draftId?: string): Promise<ScheduleRow[]> {
  const rows = await getDb()
    .select({
      jobId: publishJobs.id,
      draftId: publishJobs.draftId,
      title: drafts.title,
      runAt: drafts.scheduledFor,
      jobRunAt: publishJobs.runAt,
      status: publishJobs.status,
      attempts: publishJobs.attempts,
      lastError: publishJobs.lastError,
      version: draftRevisions.version,
      currentVersion: drafts.version,
      emailSubscribers: publishJobs.emailSubscribers,
    })
    .from(publishJobs)
    .innerJoin(drafts, eq(drafts.id, publishJobs.draftId))
    .leftJoin(draftRevisions, eq(draftRevisions.id, publishJobs.revisionId))
    .where(
      and(
        sql`${publishJobs.status} in ('pending', 'running', 'failed')`,
        // A failed job matters until the draft is scheduled again, published or the schedule cancelled.
        sql`(${publishJobs.status} <> 'failed' or ${drafts.status} = 'scheduled')`,
        draftId ? eq(publishJobs.draftId, draftId) : undefined,
      ),
    )
    .orderBy(desc(publishJobs.status), publishJobs.runAt);
  return rows.map(({ jobRunAt, ...row }) => ({ ...row, runAt: row.runAt ?? jobRunAt, status: row.status as ScheduleRow['status'] }));
}
