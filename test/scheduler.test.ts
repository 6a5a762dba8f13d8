import { randomUUID } from 'node:crypto';

import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { closeDb, getDb } from '@/db';
import { completeJob, startJobAttempt } from '@/db/queries/publish-jobs';
import { cancelSchedule, scheduleDraft } from '@/db/queries/schedules';
import { draftRevisions, drafts, publishJobs } from '@/db/schema';
import { articleTag } from '@/lib/cache/tags';
import { publicationQueue, publicationWorker, queueWaitingPublications } from '@/lib/jobs/publications';
import { runPublication } from '@/lib/jobs/publish';
import { enqueue, JobQueue, jobState, stopQueue } from '@/lib/jobs/queue';

import { searchEntryFor, seedDraft } from './helpers/drafts';
import { until } from './helpers/until';

// Two app servers: two connections to the job queue with a publish worker each, in a schema of this
// file's own, with quick retries. Outside Next.js there is no request to expire pages in, so the
// workers run the route's attempt directly and record the tags it would expire.
const SCHEMA = `scheduler_test_${randomUUID().slice(0, 8)}`;
const QUICK = { publish: { retryLimit: 1, retryDelay: 1 } };
const expired: string[][] = [];
const attempt = (publishJobId: string, lastAttempt: boolean) => runPublication(publishJobId, lastAttempt, async (tags) => void expired.push(tags));
let servers: JobQueue[] = [];

beforeAll(async () => {
  servers = [await JobQueue.open(SCHEMA, QUICK), await JobQueue.open(SCHEMA, QUICK)];
  for (const server of servers) await server.work('publish', publicationWorker(attempt), { pollingIntervalSeconds: 0.5, localConcurrency: 2 });
});

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop(2_000)));
  await stopQueue(2_000);
  await closeDb();
});

/** A job that was due a second ago, publishing the draft's version 1 (as scheduling it would), not yet queued. */
async function dueJob(draftId: string) {
  const [draft] = await getDb().select({ createdBy: drafts.createdBy }).from(drafts).where(eq(drafts.id, draftId));
  const [revision] = await getDb().select({ id: draftRevisions.id }).from(draftRevisions).where(eq(draftRevisions.draftId, draftId));
  const [job] = await getDb()
    .insert(publishJobs)
    .values({ draftId, revisionId: revision!.id, runAt: new Date(Date.now() - 1000), createdBy: draft!.createdBy })
    .returning();
  await getDb().update(drafts).set({ status: 'scheduled', scheduledFor: job!.runAt }).where(eq(drafts.id, draftId));
  return job!;
}

const jobRow = async (id: string) => (await getDb().select().from(publishJobs).where(eq(publishJobs.id, id)))[0]!;
const draftRow = async (id: string) => (await getDb().select().from(drafts).where(eq(drafts.id, id)))[0]!;
const queueIn = (server: JobQueue, job: { id: string; runAt: Date }) =>
  server.enqueue('publish', { publishJobId: job.id }, { id: job.id, singletonKey: job.id, startAfter: job.runAt });

describe('scheduled publications on the job queue', () => {
  it('publishes each of 20 due jobs exactly once when two servers run the queue', async () => {
    const seeded = await Promise.all(Array.from({ length: 20 }, () => seedDraft()));
    const jobs = await Promise.all(seeded.map((draft) => dueJob(draft.id)));
    await Promise.all(jobs.map((job, index) => queueIn(servers[index % 2]!, job)));
    const ids = jobs.map((job) => job.id);
    await until(async () => (await Promise.all(ids.map((id) => servers[0]!.stateOf('publish', id)))).every((state) => state === 'completed'));
    const rows = await getDb().select().from(publishJobs).where(inArray(publishJobs.id, ids));
    expect(rows.map((row) => [row.status, row.attempts])).toEqual(ids.map(() => ['done', 1]));
    const draftRows = await getDb()
      .select()
      .from(drafts)
      .where(
        inArray(
          drafts.id,
          seeded.map((draft) => draft.id),
        ),
      );
    expect(draftRows.every((row) => row.status === 'published' && row.publishedRevisionId && row.scheduledFor === null)).toBe(true);
    // One expiry per publication, each with its own article's page.
    expect(expired).toHaveLength(20);
    for (const draft of seeded) expect(expired.some((tags) => tags.includes(articleTag(draft.slug)))).toBe(true);
  });

  it('records why a job failed, retries it with a delay, and gives up after the last attempt', async () => {
    const draft = await seedDraft({ standfirst: 'Too short' });
    const job = await dueJob(draft.id);
    await queueIn(servers[0]!, job);
    // Between the attempts: the first one's reason is recorded, and the job waits for the next.
    await until(async () => (await jobRow(job.id)).lastError !== null);
    const retrying = await jobRow(job.id);
    expect(retrying).toMatchObject({ status: 'pending', attempts: 1 });
    expect(retrying.lastError).toMatch(/standfirst/);
    await until(async () => (await servers[1]!.stateOf('publish', job.id)) === 'failed');
    const failed = await jobRow(job.id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 2 });
    expect(failed.lastError).toMatch(/standfirst/);
    expect((await draftRow(draft.id)).publishedRevisionId).toBeNull();
  });

  it('queues at start the schedules made before publications were queued, each once', async () => {
    const draft = await seedDraft();
    const job = await dueJob(draft.id);
    expect(await jobState('publish', job.id)).toBeNull();
    await queueWaitingPublications();
    expect(await jobState('publish', job.id)).toBe('created');
    expect(await enqueue('publish', { publishJobId: job.id }, { id: job.id })).toBeNull();
  });

  it('a cancelled schedule never runs, and the draft returns to its earlier state', async () => {
    const draft = await seedDraft();
    expect(await scheduleDraft(draft.id, new Date(Date.now() + 60_000), draft.writerId, 1, false, publicationQueue)).toBe(true);
    const [job] = await getDb().select().from(publishJobs).where(eq(publishJobs.draftId, draft.id));
    expect(await jobState('publish', job!.id)).toBe('created');
    expect(await draftRow(draft.id)).toMatchObject({ status: 'scheduled' });
    expect(await cancelSchedule(draft.id, publicationQueue)).toBe(true);
    expect(await cancelSchedule(draft.id, publicationQueue)).toBe('none');
    expect(await jobState('publish', job!.id)).toBe('cancelled');
    // Even if its queued job ran, the attempt finds nothing to do.
    expect(await attempt(job!.id, false)).toBe('skipped');
    expect(await draftRow(draft.id)).toMatchObject({ status: 'draft', scheduledFor: null, publishedRevisionId: null });
  });

  it('a schedule cancelled while its job runs publishes nothing', async () => {
    const draft = await seedDraft();
    const job = await dueJob(draft.id);
    const running = await startJobAttempt(job.id);
    expect(running?.attempts).toBe(1);
    expect(await cancelSchedule(draft.id, publicationQueue)).toBe(true);
    expect(await completeJob(running!, await searchEntryFor(draft.id))).toBe('lost');
    expect((await draftRow(draft.id)).publishedRevisionId).toBeNull();
  });

  it('an attempt whose server stopped answering is superseded by the next: only the latest completes', async () => {
    const draft = await seedDraft();
    const job = await dueJob(draft.id);
    const first = await startJobAttempt(job.id);
    // The queue gave the job to another server after the first one's attempt expired.
    const second = await startJobAttempt(job.id);
    expect(second).toMatchObject({ status: 'running', attempts: 2 });
    expect(await completeJob(first!, await searchEntryFor(draft.id))).toBe('lost');
    expect((await draftRow(draft.id)).publishedRevisionId).toBeNull();
    expect(await completeJob(second!, await searchEntryFor(draft.id))).toMatchObject({ after: { slug: draft.slug } });
    expect(await startJobAttempt(job.id)).toBeUndefined();
  });
});
