import { desc, eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';

import { closeDb, getDb } from '@/db';
import { saveDraft } from '@/db/queries/draft-saves';
import { contentOf } from '@/db/queries/drafts';
import { listSchedules } from '@/db/queries/schedules';
import { createUser } from '@/db/queries/users';
import { draftRevisions, drafts, newsletterSends, publishJobs } from '@/db/schema';
import { getCategories } from '@/lib/content';
import { readPublishedArticles } from '@/lib/content/published';
import { runPublication, startOwedEmails } from '@/lib/jobs/publish';
import { jobState, stopQueue } from '@/lib/jobs/queue';
import { schedule } from '@/lib/publishing/service';

import { seedDraft } from './helpers/drafts';

// Scheduling through the publishing service queues the job (nothing here works on the queue); each
// test then runs the attempt its queued job would run, as the route does, recording the tags it
// would expire (outside Next.js there is no request to expire them in).
afterAll(async () => {
  await stopQueue(2_000);
  await closeDb();
});

const inAnHour = () => new Date(Date.now() + 3_600_000);
const draftRow = async (id: string) => (await getDb().select().from(drafts).where(eq(drafts.id, id)))[0]!;
// The latest schedule of the draft.
const jobOf = async (draftId: string) => (await getDb().select().from(publishJobs).where(eq(publishJobs.draftId, draftId)).orderBy(desc(publishJobs.createdAt)))[0]!;
const runJobOf = async (draftId: string) => runPublication((await jobOf(draftId)).id, false, async () => {});
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

describe('a schedule publishes the version the editor approved', () => {
  it('refuses to schedule a version that is no longer the latest, as "Publish now" does', async () => {
    const draft = await seedDraft();
    const contributor = await contributorOwning(draft.id);
    // The editor opened the publish page at version 1; the contributor saved after that.
    const saved = await saveDraft(contributor, draft.id, 1, { ...contentOf(draft), body: 'Text nobody reviewed.' });
    expect(saved.ok).toBe(true);
    const outcome = await schedule(draft.id, 1, inAnHour(), draft.writerId);
    expect(outcome).toEqual({ ok: false, problems: [expect.stringMatching(/saved again \(version 2\).*then schedule/)] });
    expect(await getDb().select().from(publishJobs).where(eq(publishJobs.draftId, draft.id))).toEqual([]);
    expect(await draftRow(draft.id)).toMatchObject({ status: 'draft', scheduledFor: null });
  });

  it('publishes exactly the scheduled revision when the draft was saved again since, and says so beforehand', async () => {
    const draft = await seedDraft({ body: 'The approved text.' });
    expect(await schedule(draft.id, 1, inAnHour(), draft.writerId)).toEqual({ ok: true });
    expect(await jobState('publish', (await jobOf(draft.id)).id)).toBe('created');
    // Another save lands after the schedule (an editor's: a contributor's draft is locked while scheduled).
    const later = await saveDraft({ id: draft.writerId, canEditAny: true }, draft.id, 1, {
      ...contentOf(draft),
      title: 'A headline nobody approved',
      body: 'Text nobody reviewed.',
    });
    expect(later.ok).toBe(true);
    expect(await listSchedules(draft.id)).toMatchObject([{ version: 1, currentVersion: 2, status: 'pending' }]);

    expect(await runJobOf(draft.id)).toBe('published');
    expect((await draftRow(draft.id)).publishedRevisionId).toBe((await revisionOf(draft.id, 1)).id);
    const article = (await readPublishedArticles(await getCategories())).find((candidate) => candidate.slug === draft.slug);
    expect(article?.title).toBe(draft.title);
    expect(JSON.stringify(article)).not.toContain('nobody');
  });

  it('fails visibly, publishing nothing, when the address was changed after scheduling', async () => {
    const draft = await seedDraft();
    expect(await schedule(draft.id, 1, inAnHour(), draft.writerId)).toEqual({ ok: true });
    const moved = await saveDraft({ id: draft.writerId, canEditAny: true }, draft.id, 1, { ...contentOf(draft), slug: `${draft.slug}-moved` });
    expect(moved.ok).toBe(true);
    expect(await runJobOf(draft.id)).toBe('failed');
    expect((await draftRow(draft.id)).publishedRevisionId).toBeNull();
    const [row] = await listSchedules(draft.id);
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row?.lastError).toMatch(new RegExp(`Version 1 was scheduled at the address “${draft.slug}”, which was changed since`));
  });

  it('fails visibly a schedule that names no version (made before versions were pinned)', async () => {
    const draft = await seedDraft();
    expect(await schedule(draft.id, 1, inAnHour(), draft.writerId)).toEqual({ ok: true });
    await getDb().update(publishJobs).set({ revisionId: null }).where(eq(publishJobs.draftId, draft.id));
    expect(await runJobOf(draft.id)).toBe('failed');
    expect((await draftRow(draft.id)).publishedRevisionId).toBeNull();
    expect((await listSchedules(draft.id))[0]?.lastError).toMatch(/does not say which version/);
  });

  it('moving a schedule cancels the queued job of the old time', async () => {
    const draft = await seedDraft();
    expect(await schedule(draft.id, 1, inAnHour(), draft.writerId)).toEqual({ ok: true });
    const first = await jobOf(draft.id);
    expect(await schedule(draft.id, 1, new Date(Date.now() + 7_200_000), draft.writerId)).toEqual({ ok: true });
    expect(await jobState('publish', first.id)).toBe('cancelled');
    const [current] = await listSchedules(draft.id);
    expect(await jobState('publish', current!.jobId)).toBe('created');
  });

  it('starts the newsletter send after a publication with "email subscribers"', async () => {
    const draft = await seedDraft();
    expect(await schedule(draft.id, 1, inAnHour(), draft.writerId, true)).toEqual({ ok: true });
    expect(await runJobOf(draft.id)).toBe('published');
    const sends = await getDb().select().from(newsletterSends).where(eq(newsletterSends.draftId, draft.id));
    expect(sends.map((send) => ({ sequence: send.sequence, by: send.createdBy }))).toEqual([{ sequence: 1, by: draft.writerId }]);
    expect((await jobOf(draft.id)).lastError).toBeNull();
  });

  it('a send that does not start (the article was already emailed) is recorded, and the article stays published', async () => {
    const draft = await seedDraft();
    expect(await schedule(draft.id, 1, inAnHour(), draft.writerId, true)).toEqual({ ok: true });
    expect(await runJobOf(draft.id)).toBe('published');
    expect(await schedule(draft.id, 1, inAnHour(), draft.writerId, true)).toEqual({ ok: true });
    expect(await runJobOf(draft.id)).toBe('published');
    expect((await draftRow(draft.id)).status).toBe('published');
    expect(await getDb().$count(newsletterSends, eq(newsletterSends.draftId, draft.id))).toBe(1);
    const job = await jobOf(draft.id);
    expect(job.status).toBe('done');
    expect(job.lastError).toMatch(/^Published, but the email to subscribers did not start: This article has already been emailed/);
  });

  it('starts the send even when expiring the pages fails, and notes the pages', async () => {
    const draft = await seedDraft();
    expect(await schedule(draft.id, 1, inAnHour(), draft.writerId, true)).toEqual({ ok: true });
    const failing = async () => {
      throw new Error('The broadcast to the other servers failed.');
    };
    expect(await runPublication((await jobOf(draft.id)).id, false, failing)).toBe('published');
    expect(await getDb().$count(newsletterSends, eq(newsletterSends.draftId, draft.id))).toBe(1);
    const job = await jobOf(draft.id);
    expect(job.status).toBe('done');
    expect(job.lastError).toBe('Published, but some pages may not show it yet: The broadcast to the other servers failed.');
  });

  it('a publication whose send never started (its server stopped in between) gets it from the start-up sweep, once', async () => {
    const draft = await seedDraft();
    expect(await schedule(draft.id, 1, inAnHour(), draft.writerId, true)).toEqual({ ok: true });
    // The state a crash right after the publication's commit leaves: done, email asked for, no send.
    const job = await jobOf(draft.id);
    await getDb().update(publishJobs).set({ emailSubscribers: false }).where(eq(publishJobs.id, job.id));
    expect(await runJobOf(draft.id)).toBe('published');
    await getDb().update(publishJobs).set({ emailSubscribers: true }).where(eq(publishJobs.id, job.id));
    expect(await getDb().$count(newsletterSends, eq(newsletterSends.draftId, draft.id))).toBe(0);
    // The queue's retry of the done job changes nothing; the sweep starts the send.
    expect(await runJobOf(draft.id)).toBe('skipped');
    expect(await startOwedEmails()).toBeGreaterThanOrEqual(1);
    const sends = await getDb().select().from(newsletterSends).where(eq(newsletterSends.draftId, draft.id));
    expect(sends.map((send) => ({ sequence: send.sequence, by: send.createdBy }))).toEqual([{ sequence: 1, by: draft.writerId }]);
    expect((await jobOf(draft.id)).lastError).toBeNull();
    // A second sweep (another server starting) neither sends again nor notes a problem.
    await startOwedEmails();
    expect(await getDb().$count(newsletterSends, eq(newsletterSends.draftId, draft.id))).toBe(1);
    expect((await jobOf(draft.id)).lastError).toBeNull();
  });

  it('the sweep leaves alone a publication that finished more than a day ago: its email is stale', async () => {
    const draft = await seedDraft();
    expect(await schedule(draft.id, 1, inAnHour(), draft.writerId, true)).toEqual({ ok: true });
    const job = await jobOf(draft.id);
    await getDb().update(publishJobs).set({ emailSubscribers: false }).where(eq(publishJobs.id, job.id));
    expect(await runJobOf(draft.id)).toBe('published');
    const dayAndHourAgo = new Date(Date.now() - 25 * 3_600_000);
    await getDb().update(publishJobs).set({ emailSubscribers: true, finishedAt: dayAndHourAgo }).where(eq(publishJobs.id, job.id));
    await startOwedEmails();
    expect(await getDb().$count(newsletterSends, eq(newsletterSends.draftId, draft.id))).toBe(0);
    expect((await jobOf(draft.id)).lastError).toBeNull();
  });

  it('the sweep leaves alone a publication whose send was refused and noted', async () => {
    const draft = await seedDraft();
    expect(await schedule(draft.id, 1, inAnHour(), draft.writerId, true)).toEqual({ ok: true });
    expect(await runJobOf(draft.id)).toBe('published');
    expect(await schedule(draft.id, 1, inAnHour(), draft.writerId, true)).toEqual({ ok: true });
    expect(await runJobOf(draft.id)).toBe('published');
    const noted = (await jobOf(draft.id)).lastError;
    expect(noted).toMatch(/already been emailed/);
    await startOwedEmails();
    expect(await getDb().$count(newsletterSends, eq(newsletterSends.draftId, draft.id))).toBe(1);
    expect((await jobOf(draft.id)).lastError).toBe(noted);
  });
});
