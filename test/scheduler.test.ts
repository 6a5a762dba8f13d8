import { drizzle } from 'drizzle-orm/postgres-js';
import { eq, inArray, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/db';
import { claimDueJob, completeJob } from '@/db/queries/publish-jobs';
import { cancelSchedule, scheduleDraft } from '@/db/queries/publishing';
import { drafts, publishJobs } from '@/db/schema';
import * as schema from '@/db/schema';
import { runDueJobs } from '@/lib/publishing/worker';
import { searchEntryFor, seedDraft } from './helpers/drafts';

// Two app servers: two clients with their own connections, as two processes would have.
const clients = [0, 1].map(() => postgres(process.env.DATABASE_URL!, { max: 4, onnotice: () => {} }));
const servers = clients.map((client) => drizzle(client, { schema }));

afterAll(async () => {
  await Promise.all(clients.map((client) => client.end()));
  await closeDb();
});

async function dueJob(draftId: string, values: Partial<typeof publishJobs.$inferInsert> = {}) {
  const [draft] = await getDb().select({ createdBy: drafts.createdBy }).from(drafts).where(eq(drafts.id, draftId));
  const [job] = await getDb()
    .insert(publishJobs)
    .values({ draftId, runAt: new Date(Date.now() - 1000), createdBy: draft!.createdBy, ...values })
    .returning();
  await getDb().update(drafts).set({ status: 'scheduled', scheduledFor: job!.runAt }).where(eq(drafts.id, draftId));
  return job!;
}

describe('the publishing scheduler', () => {
  it('publishes each of 20 due jobs exactly once when two servers race for them', async () => {
    const seeded = await Promise.all(Array.from({ length: 20 }, () => seedDraft()));
    const jobs = await Promise.all(seeded.map((draft) => dueJob(draft.id)));
    const [first, second] = await Promise.all(servers.map((db) => runDueJobs(db)));
    const published = [...first!, ...second!].filter((result) => result.outcome === 'published').map((result) => result.job.id);
    expect(published.sort()).toEqual(jobs.map((job) => job.id).sort());
    expect(first!.length + second!.length).toBe(20);
    const rows = await getDb().select().from(publishJobs).where(inArray(publishJobs.id, jobs.map((job) => job.id)));
    expect(rows.every((row) => row.status === 'done' && row.attempts === 1)).toBe(true);
    const draftRows = await getDb().select().from(drafts).where(inArray(drafts.id, seeded.map((draft) => draft.id)));
    expect(draftRows.every((row) => row.status === 'published' && row.publishedRevisionId && row.scheduledFor === null)).toBe(true);
  });

  it('takes over a job whose server stopped answering, and the old claim can no longer complete it', async () => {
    const draft = await seedDraft();
    const job = await dueJob(draft.id, { status: 'running', attempts: 1, lockedUntil: new Date(Date.now() - 5000) });
    const taken = await claimDueJob(servers[1]);
    expect(taken).toMatchObject({ id: job.id, status: 'running', attempts: 2 });
    expect(await completeJob(job, 1, await searchEntryFor(draft.id), servers[0])).toBe('lost');
    expect((await getDb().select().from(drafts).where(eq(drafts.id, draft.id)))[0]?.publishedRevisionId).toBeNull();
    expect(await completeJob(taken!, 1, await searchEntryFor(draft.id), servers[1])).toMatchObject({ after: { slug: draft.slug } });
  });

  it('does not take a job whose lease is still running', async () => {
    const draft = await seedDraft();
    await dueJob(draft.id, { status: 'running', attempts: 1, lockedUntil: new Date(Date.now() + 60_000) });
    expect(await claimDueJob(servers[0])).toBeUndefined();
  });

  it('records why a job failed, retries it later, and gives up after the last attempt', async () => {
    const draft = await seedDraft({ standfirst: 'Too short' });
    const job = await dueJob(draft.id);
    const [result] = await runDueJobs(servers[0]);
    expect(result).toMatchObject({ outcome: 'retry' });
    const [retrying] = await getDb().select().from(publishJobs).where(eq(publishJobs.id, job.id));
    expect(retrying).toMatchObject({ status: 'pending', attempts: 1 });
    expect(retrying?.lastError).toMatch(/standfirst/);
    expect(retrying!.runAt.getTime()).toBeGreaterThan(Date.now());

    await getDb().update(publishJobs).set({ runAt: sql`now() - interval '1 second'`, attempts: 4 }).where(eq(publishJobs.id, job.id));
    const [last] = await runDueJobs(servers[1]);
    expect(last).toMatchObject({ outcome: 'failed' });
    const [failed] = await getDb().select().from(publishJobs).where(eq(publishJobs.id, job.id));
    expect(failed).toMatchObject({ status: 'failed', attempts: 5 });
    expect(failed?.lastError).toMatch(/standfirst/);
    expect((await getDb().select().from(drafts).where(eq(drafts.id, draft.id)))[0]?.publishedRevisionId).toBeNull();
  });

  it('a cancelled schedule never runs, and the draft returns to its earlier state', async () => {
    const draft = await seedDraft();
    expect(await scheduleDraft(draft.id, new Date(Date.now() - 1000), draft.authorId)).toBe(true);
    expect((await getDb().select().from(drafts).where(eq(drafts.id, draft.id)))[0]).toMatchObject({ status: 'scheduled' });
    expect(await cancelSchedule(draft.id)).toBe(true);
    expect(await cancelSchedule(draft.id)).toBe('none');
    expect(await claimDueJob(servers[0])).toBeUndefined();
    expect((await getDb().select().from(drafts).where(eq(drafts.id, draft.id)))[0]).toMatchObject({ status: 'draft', scheduledFor: null });
  });

  it('a schedule cancelled while its job runs publishes nothing', async () => {
    const draft = await seedDraft();
    await dueJob(draft.id);
    const claimed = await claimDueJob(getDb());
    expect(claimed?.draftId).toBe(draft.id);
    expect(await cancelSchedule(draft.id)).toBe(true);
    expect(await completeJob(claimed!, 1, await searchEntryFor(draft.id))).toBe('lost');
    const [row] = await getDb().select({ published: drafts.publishedRevisionId }).from(drafts).where(eq(drafts.id, draft.id));
    expect(row?.published).toBeNull();
  });
});
