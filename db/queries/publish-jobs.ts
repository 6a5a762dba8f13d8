import 'server-only';

import { and, eq, gte, inArray, isNull, notExists, sql } from 'drizzle-orm';

import { type Database, getDb } from '../index';
import { type DraftContent, draftRevisions, drafts, newsletterSends, type PublishJob, publishJobs } from '../schema';
import { type PublishChange, publishRevision } from './publishing';
import type { SearchEntry } from './search-index';

// A publish job is the newsroom's record of a schedule; the job queue (lib/jobs/queue.ts) decides
// when it runs, which server runs it and when it is tried again. Each attempt is counted here, and
// the attempt count says whose attempt may still complete it.

const live = inArray(publishJobs.status, ['pending', 'running']);

/**
 * Starts an attempt at the job: marks it running and counts the attempt. Undefined when there is
 * nothing to do (cancelled, done, failed or gone). An attempt still running elsewhere (its server
 * stopped answering) is superseded: its completion then finds a higher attempt count and changes nothing.
 */
export async function startJobAttempt(jobId: string, db: Database = getDb()): Promise<PublishJob | undefined> {
  const [job] = await db
    .update(publishJobs)
    .set({ status: 'running', attempts: sql`${publishJobs.attempts} + 1` })
    .where(and(eq(publishJobs.id, jobId), live))
    .returning();
  return job;
}

/** Our attempt is still the job's latest and the job is still running (not cancelled, not taken over). */
const stillOurs = (job: PublishJob) => and(eq(publishJobs.id, job.id), eq(publishJobs.status, 'running'), eq(publishJobs.attempts, job.attempts));

export type JobRefusal = 'lost' | 'gone' | 'address';

/**
 * Publishes the job's revision and completes the job in one transaction: either both happen or
 * neither. 'lost' when the attempt is no longer the job's (cancelled or taken over meanwhile; nothing
 * is changed); 'gone' and 'address' as publishRevision says.
 */
export async function completeJob(job: PublishJob, search: SearchEntry, db: Database = getDb()): Promise<PublishChange | JobRefusal> {
  return db
    .transaction(async (tx) => {
      // The draft row first, in the same order as cancelling and unpublishing, so they never deadlock.
      await tx.select({ id: drafts.id }).from(drafts).where(eq(drafts.id, job.draftId)).for('update');
      // The database's clock, as the newsletter send's created_at: jobsOwingEmail compares the two.
      const done = await tx
        .update(publishJobs)
        .set({ status: 'done', finishedAt: sql`now()`, lastError: null })
        .where(stillOurs(job))
        .returning({ id: publishJobs.id });
      if (done.length === 0) throw new Rollback('lost');
      if (!job.revisionId) throw new Rollback('gone');
      const change = await publishRevision(tx, job.draftId, job.revisionId, search, job.publicationDate);
      if (typeof change === 'string') throw new Rollback(change);
      return change;
    })
    .catch((error: unknown) => {
      if (error instanceof Rollback) return error.outcome;
      throw error;
    });
}

class Rollback extends Error {
  constructor(readonly outcome: JobRefusal) {
    super(outcome);
  }
}

const failure = (reason: string, giveUp: boolean) => ({
  status: giveUp ? ('failed' as const) : ('pending' as const),
  lastError: reason.slice(0, 2000),
  ...(giveUp ? { finishedAt: new Date() } : {}),
});

/** Records why our attempt failed: the job waits for its next attempt, or, when `giveUp`, has failed. */
export async function failJob(job: PublishJob, reason: string, giveUp: boolean, db: Database = getDb()): Promise<'retry' | 'failed'> {
  await db.update(publishJobs).set(failure(reason, giveUp)).where(stillOurs(job));
  return giveUp ? 'failed' : 'retry';
}

/** Records an attempt that never reached the job (its server could not run it), so editors see why it waits. */
export async function failJobAttempt(jobId: string, reason: string, giveUp: boolean, db: Database = getDb()): Promise<void> {
  await db
    .update(publishJobs)
    .set({ ...failure(reason, giveUp), attempts: sql`${publishJobs.attempts} + 1` })
    .where(and(eq(publishJobs.id, jobId), live));
}

/** Notes a problem that came after the job's success (the newsletter send it should start), keeping it done. */
export async function noteJobProblem(jobId: string, problem: string, db: Database = getDb()): Promise<void> {
  await db
    .update(publishJobs)
    .set({ lastError: problem.slice(0, 2000) })
    .where(eq(publishJobs.id, jobId));
}

/**
 * Published jobs with "email subscribers" whose send neither started (no send of the draft since the
 * job finished) nor was refused (a refusal is noted in last_error): the server stopped in between.
 * Only jobs finished in the last `OWED_EMAIL_HOURS`: an email owed longer is news gone stale, and
 * stays unsent (the newsroom can still press "Email subscribers"). All of them, or only `jobId`.
 * Unindexed: read once at start-up and after a refused send.
 */
export const OWED_EMAIL_HOURS = 24;

export async function jobsOwingEmail(jobId?: string, db: Database = getDb()): Promise<PublishJob[]> {
  const sendSince = db
    .select({ id: newsletterSends.id })
    .from(newsletterSends)
    .where(and(eq(newsletterSends.draftId, publishJobs.draftId), gte(newsletterSends.createdAt, publishJobs.finishedAt)));
  return db
    .select()
    .from(publishJobs)
    .where(
      and(
        jobId ? eq(publishJobs.id, jobId) : undefined,
        eq(publishJobs.status, 'done'),
        eq(publishJobs.emailSubscribers, true),
        isNull(publishJobs.lastError),
        gte(publishJobs.finishedAt, sql`now() - make_interval(hours => ${OWED_EMAIL_HOURS})`),
        notExists(sendSince),
      ),
    )
    .orderBy(publishJobs.finishedAt);
}

/** Jobs that may still publish, for queueing those made before they were queued with their schedule. */
export async function listLiveJobs(db: Database = getDb()): Promise<{ id: string; runAt: Date }[]> {
  return db.select({ id: publishJobs.id, runAt: publishJobs.runAt }).from(publishJobs).where(live).orderBy(publishJobs.runAt);
}

/** The revision a job publishes: what the editor approved when scheduling. */
export async function getJobRevision(job: PublishJob, db: Database = getDb()): Promise<{ version: number; content: DraftContent } | undefined> {
  if (!job.revisionId) return undefined;
  const [row] = await db
    .select({ version: draftRevisions.version, content: draftRevisions.content })
    .from(draftRevisions)
    .where(and(eq(draftRevisions.id, job.revisionId), eq(draftRevisions.draftId, job.draftId)));
  return row;
}
