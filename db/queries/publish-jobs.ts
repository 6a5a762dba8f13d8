import 'server-only';

import { and, eq, sql } from 'drizzle-orm';

import { type Database, getDb } from '../index';
import { type DraftContent, draftRevisions, drafts, type PublishJob, publishJobs } from '../schema';
import { type PublishChange, publishRevision } from './publishing';
import type { SearchEntry } from './search-index';

/** How long a claimed job is ours; a server that dies mid-job loses it to another after this. */
const LEASE_SECONDS = 60;
const MAX_ATTEMPTS = 5;

/**
 * Claims the oldest due job, or a job whose claimant's lease ran out. One statement: two servers
 * polling at once never get the same job (SKIP LOCKED makes the second take the next one).
 */
export async function claimDueJob(db: Database = getDb()): Promise<PublishJob | undefined> {
  const rows = await db.execute<Record<string, unknown>>(sql`
    update ${publishJobs}
       set status = 'running', attempts = attempts + 1, locked_until = now() + make_interval(secs => ${LEASE_SECONDS})
     where id = (
       select id from ${publishJobs}
        where (status = 'pending' and run_at <= now()) or (status = 'running' and locked_until < now())
        order by run_at
        for update skip locked
        limit 1)
    returning id`);
  const id = rows[0]?.id as string | undefined;
  if (!id) return undefined;
  const [job] = await db.select().from(publishJobs).where(eq(publishJobs.id, id));
  return job;
}

/** Our claim is still ours: same attempt, still running (a taken-over job has a higher attempt count). */
const stillOurs = (job: PublishJob) => and(eq(publishJobs.id, job.id), eq(publishJobs.status, 'running'), eq(publishJobs.attempts, job.attempts));

export type JobRefusal = 'lost' | 'gone' | 'address';

/**
 * Publishes the job's revision and completes the job in one transaction: either both happen or
 * neither. 'lost' when another server took the job over meanwhile (nothing is changed); 'gone' and
 * 'address' as publishRevision says.
 */
export async function completeJob(job: PublishJob, search: SearchEntry, db: Database = getDb()): Promise<PublishChange | JobRefusal> {
  return db
    .transaction(async (tx) => {
      // The draft row first, in the same order as cancelling and unpublishing, so they never deadlock.
      await tx.select({ id: drafts.id }).from(drafts).where(eq(drafts.id, job.draftId)).for('update');
      const done = await tx
        .update(publishJobs)
        .set({ status: 'done', finishedAt: new Date(), lockedUntil: null, lastError: null })
        .where(stillOurs(job))
        .returning({ id: publishJobs.id });
      if (done.length === 0) throw new Rollback('lost');
      if (!job.revisionId) throw new Rollback('gone');
      const change = await publishRevision(tx, job.draftId, job.revisionId, search);
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

/**
 * Records why the job failed; it is tried again later, with growing delays, then given up. A `final`
 * failure (one no retry can mend) gives up at once.
 */
export async function failJob(job: PublishJob, reason: string, db: Database = getDb(), final = false): Promise<'retry' | 'failed'> {
  const giveUp = final || job.attempts >= MAX_ATTEMPTS;
  const delaySeconds = 30 * 2 ** (job.attempts - 1);
  await db
    .update(publishJobs)
    .set({
      status: giveUp ? 'failed' : 'pending',
      lastError: reason.slice(0, 2000),
      lockedUntil: null,
      ...(giveUp ? { finishedAt: new Date() } : { runAt: sql`now() + make_interval(secs => ${delaySeconds})` }),
    })
    .where(stillOurs(job));
  return giveUp ? 'failed' : 'retry';
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
