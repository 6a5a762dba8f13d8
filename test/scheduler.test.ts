import { eq, inArray, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';

import { closeDb, getDb } from '@/db';
import { saveDraft } from '@/db/queries/draft-saves';
import { contentOf } from '@/db/queries/drafts';
import { claimDueJob, completeJob } from '@/db/queries/publish-jobs';
import { cancelSchedule, listSchedules, scheduleDraft } from '@/db/queries/schedules';
import { createUser } from '@/db/queries/users';
import * as schema from '@/db/schema';
import { draftRevisions, drafts, publishJobs } from '@/db/schema';
import { getCategories } from '@/lib/content';
import { readPublishedArticles } from '@/lib/content/published';
import { runDueJobs } from '@/lib/jobs/publish';
import { schedule } from '@/lib/publishing/service';

import { searchEntryFor, seedDraft } from './helpers/drafts';

// Two app servers: two clients with their own connections, as two processes would have.
const clients = [0, 1].map(() => postgres(process.env.DATABASE_URL!, { max: 4, onnotice: () => {} }));
const servers = clients.map((client) => drizzle(client, { schema }));

afterAll(async () => {
  await Promise.all(clients.map((client) => client.end()));
  await closeDb();
});

/** A job that was due a second ago, publishing the draft's version 1 (as scheduling it would). */
async function dueJob(draftId: string, values: Partial<typeof publishJobs.$inferInsert> = {}) {
  const [draft] = await getDb().select({ createdBy: drafts.createdBy }).from(drafts).where(eq(drafts.id, draftId));
  const [revision] = await getDb().select({ id: draftRevisions.id }).from(draftRevisions).where(eq(draftRevisions.draftId, draftId));
  const [job] = await getDb()
    .insert(publishJobs)
    .values({ draftId, revisionId: revision!.id, runAt: new Date(Date.now() - 1000), createdBy: draft!.createdBy, ...values })
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
    const rows = await getDb()
      .select()
      .from(publishJobs)
      .where(
        inArray(
          publishJobs.id,
          jobs.map((job) => job.id),
        ),
      );
    expect(rows.every((row) => row.status === 'done' && row.attempts === 1)).toBe(true);
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
  });

  it('takes over a job whose server stopped answering, and the old claim can no longer complete it', async () => {
    const draft = await seedDraft();
    const job = await dueJob(draft.id, { status: 'running', attempts: 1, lockedUntil: new Date(Date.now() - 5000) });
    const taken = await claimDueJob(servers[1]);
    expect(taken).toMatchObject({ id: job.id, status: 'running', attempts: 2 });
    expect(await completeJob(job, await searchEntryFor(draft.id), servers[0])).toBe('lost');
    expect((await getDb().select().from(drafts).where(eq(drafts.id, draft.id)))[0]?.publishedRevisionId).toBeNull();
    expect(await completeJob(taken!, await searchEntryFor(draft.id), servers[1])).toMatchObject({ after: { slug: draft.slug } });
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

    await getDb()
      .update(publishJobs)
      .set({ runAt: sql`now() - interval '1 second'`, attempts: 4 })
      .where(eq(publishJobs.id, job.id));
    const [last] = await runDueJobs(servers[1]);
    expect(last).toMatchObject({ outcome: 'failed' });
    const [failed] = await getDb().select().from(publishJobs).where(eq(publishJobs.id, job.id));
    expect(failed).toMatchObject({ status: 'failed', attempts: 5 });
    expect(failed?.lastError).toMatch(/standfirst/);
    expect((await getDb().select().from(drafts).where(eq(drafts.id, draft.id)))[0]?.publishedRevisionId).toBeNull();
  });

  it('a cancelled schedule never runs, and the draft returns to its earlier state', async () => {
    const draft = await seedDraft();
    expect(await scheduleDraft(draft.id, new Date(Date.now() - 1000), draft.authorId, 1)).toBe(true);
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
    expect(await completeJob(claimed!, await searchEntryFor(draft.id))).toBe('lost');
    const [row] = await getDb().select({ published: drafts.publishedRevisionId }).from(drafts).where(eq(drafts.id, draft.id));
    expect(row?.published).toBeNull();
  });
});

const inAnHour = () => new Date(Date.now() + 3_600_000);
const makeDue = (draftId: string) => getDb().execute(sql`update publish_jobs set run_at = now() - interval '1 second' where draft_id = ${draftId} and status = 'pending'`);
const draftRow = async (id: string) => (await getDb().select().from(drafts).where(eq(drafts.id, id)))[0]!;
const revisionOf = async (id: string, version: number) =>
  (
    await getDb()
      .select()
      .from(draftRevisions)
      .where(sql`${draftRevisions.draftId} = ${id} and ${draftRevisions.version} = ${version}`)
  )[0]!;

async function contributorOwning(draftId: string) {
  const user = (await createUser({ email: `writer-${draftId}@newsroom.example`, name: 'Writer', role: 'contributor', passwordHash: 'x' }))!;
  await getDb().update(drafts).set({ createdBy: user.id }).where(eq(drafts.id, draftId));
  return { id: user.id, canEditAny: false };
}

// In this file, not beside it: runDueJobs takes every due job, so these would race the tests above.
describe('a schedule publishes the version the editor approved', () => {
  it('refuses to schedule a version that is no longer the latest, as "Publish now" does', async () => {
    const draft = await seedDraft();
    const contributor = await contributorOwning(draft.id);
    // The editor opened the publish page at version 1; the contributor saved after that.
    const saved = await saveDraft(contributor, draft.id, 1, { ...contentOf(draft), body: 'Text nobody reviewed.' });
    expect(saved.ok).toBe(true);
    const outcome = await schedule(draft.id, 1, inAnHour(), draft.authorId);
    expect(outcome).toEqual({ ok: false, problems: [expect.stringMatching(/saved again \(version 2\).*then schedule/)] });
    expect(await getDb().select().from(publishJobs).where(eq(publishJobs.draftId, draft.id))).toEqual([]);
    expect(await draftRow(draft.id)).toMatchObject({ status: 'draft', scheduledFor: null });
  });

  it('publishes exactly the scheduled revision when the draft was saved again since, and says so beforehand', async () => {
    const draft = await seedDraft({ body: 'The approved text.' });
    expect(await schedule(draft.id, 1, inAnHour(), draft.authorId)).toEqual({ ok: true });
    // Another save lands after the schedule (an editor's: a contributor's draft is locked while scheduled).
    const later = await saveDraft({ id: draft.authorId, canEditAny: true }, draft.id, 1, {
      ...contentOf(draft),
      title: 'A headline nobody approved',
      body: 'Text nobody reviewed.',
    });
    expect(later.ok).toBe(true);
    expect(await listSchedules(draft.id)).toMatchObject([{ version: 1, currentVersion: 2, status: 'pending' }]);

    await makeDue(draft.id);
    const results = (await runDueJobs()).filter((result) => result.job.draftId === draft.id);
    expect(results.map((result) => result.outcome)).toEqual(['published']);
    expect((await draftRow(draft.id)).publishedRevisionId).toBe((await revisionOf(draft.id, 1)).id);
    const article = (await readPublishedArticles(await getCategories())).find((candidate) => candidate.slug === draft.slug);
    expect(article?.title).toBe(draft.title);
    expect(JSON.stringify(article)).not.toContain('nobody');
  });

  it('fails visibly, publishing nothing, when the address was changed after scheduling', async () => {
    const draft = await seedDraft();
    expect(await schedule(draft.id, 1, inAnHour(), draft.authorId)).toEqual({ ok: true });
    const moved = await saveDraft({ id: draft.authorId, canEditAny: true }, draft.id, 1, { ...contentOf(draft), slug: `${draft.slug}-moved` });
    expect(moved.ok).toBe(true);
    await makeDue(draft.id);
    const results = (await runDueJobs()).filter((result) => result.job.draftId === draft.id);
    expect(results.map((result) => result.outcome)).toEqual(['failed']);
    expect((await draftRow(draft.id)).publishedRevisionId).toBeNull();
    const [row] = await listSchedules(draft.id);
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row?.lastError).toMatch(new RegExp(`Version 1 was scheduled at the address “${draft.slug}”, which was changed since`));
  });

  it('fails visibly a schedule that names no version (made before versions were pinned)', async () => {
    const draft = await seedDraft();
    expect(await schedule(draft.id, 1, inAnHour(), draft.authorId)).toEqual({ ok: true });
    await getDb().update(publishJobs).set({ revisionId: null }).where(eq(publishJobs.draftId, draft.id));
    await makeDue(draft.id);
    const results = (await runDueJobs()).filter((result) => result.job.draftId === draft.id);
    expect(results.map((result) => result.outcome)).toEqual(['failed']);
    expect((await draftRow(draft.id)).publishedRevisionId).toBeNull();
    expect((await listSchedules(draft.id))[0]?.lastError).toMatch(/does not say which version/);
  });
});
