import { randomUUID } from 'node:crypto';

import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';

import { closeDb, getDb } from '@/db';
import { getDraftForPublishing, publishDraft, unpublishDraft } from '@/db/queries/publishing';
import { scheduleDraft } from '@/db/queries/schedules';
import { getCategories } from '@/lib/content';
import { readPublishedArticles } from '@/lib/content/published';
import { publicationQueue } from '@/lib/jobs/publications';
import { runPublication } from '@/lib/jobs/publish';
import { stopQueue } from '@/lib/jobs/queue';
import { LEASE_SECONDS } from '@/lib/newsletter/delivery-settings';
import { publishNow, readinessProblems } from '@/lib/publishing/service';

import { searchEntryFor, seedDraft } from './helpers/drafts';

afterAll(async () => {
  await stopQueue(2_000);
  await closeDb();
});

describe('publishing a draft', () => {
  it('keeps the first publication date through unpublishing and publishing again', async () => {
    const draft = await seedDraft();
    const first = await publishDraft(draft.id, 1, await searchEntryFor(draft.id));
    expect(first?.before).toBeNull();
    expect(first?.after?.slug).toBe(draft.slug);
    const published = await getDraftForPublishing(draft.id);
    expect(published).toMatchObject({ status: 'published' });
    expect(published?.publishedAt).toBeInstanceOf(Date);
    const publishedAt = published!.publishedAt!;

    expect(await unpublishDraft(draft.id, LEASE_SECONDS)).toMatchObject({ after: null });
    expect(await getDraftForPublishing(draft.id)).toMatchObject({ status: 'draft', publishedRevisionId: null, publishedAt });

    await publishDraft(draft.id, 1, await searchEntryFor(draft.id));
    const again = await getDraftForPublishing(draft.id);
    expect(again).toMatchObject({ status: 'published', publishedAt });
    expect(again?.publishedRevisionId).not.toBeNull();
  });

  it('publishes only the version that was checked', async () => {
    const draft = await seedDraft();
    expect(await publishDraft(draft.id, 2, await searchEntryFor(draft.id))).toBeNull();
    expect(await getDraftForPublishing(draft.id)).toMatchObject({ status: 'draft', publishedRevisionId: null });
  });

  it('shows a published draft in the article list as an Article, and drops it when unpublished', async () => {
    const draft = await seedDraft({ tags: ['harbour', 'ferries'] });
    await publishDraft(draft.id, 1, await searchEntryFor(draft.id));
    const articles = await readPublishedArticles(await getCategories());
    const article = articles.find((candidate) => candidate.slug === draft.slug);
    expect(article).toMatchObject({
      slug: draft.slug,
      title: draft.title,
      category: { slug: 'business' },
      tags: ['harbour', 'ferries'],
      authors: [{ slug: draft.authorSlug, name: draft.authorName, kind: 'staff', role: 'Reporter' }],
      hero: { src: `/media/${draft.heroImageId}`, width: 1200, height: 800 },
      file: `draft ${draft.id}`,
    });
    expect(article?.published).toBeInstanceOf(Date);
    expect(article?.updated).toBeUndefined();
    await unpublishDraft(draft.id, LEASE_SECONDS);
    expect((await readPublishedArticles(await getCategories())).some((candidate) => candidate.slug === draft.slug)).toBe(false);
  });

  it('refuses a draft that is not ready, naming every problem', async () => {
    const draft = await seedDraft({ standfirst: 'Too short', heroAlt: '' });
    const outcome = await publishNow(draft.id, 1);
    expect(outcome.ok).toBe(false);
    const problems = outcome.ok ? [] : outcome.problems;
    expect(problems.join(' ')).toMatch(/standfirst/);
    expect(problems.join(' ')).toMatch(/alt text/);
    expect(await getDraftForPublishing(draft.id)).toMatchObject({ publishedRevisionId: null });
  });

  it('refuses MDX the newsroom may not use', async () => {
    const draft = await seedDraft({ body: 'Hello\n\nexport const x = 1\n' });
    const problems = await readinessProblems((await getDraftForPublishing(draft.id))!);
    expect(problems.length).toBeGreaterThan(0);
  });

  it('leaves out (and does not fail on) a published article that no longer converts', async () => {
    const draft = await seedDraft();
    await publishDraft(draft.id, 1, await searchEntryFor(draft.id));
    await getDb().execute(sql`update draft_revisions set content = jsonb_set(content, '{category}', '"gone"') where draft_id = ${draft.id}`);
    const articles = await readPublishedArticles(await getCategories());
    expect(articles.some((candidate) => candidate.slug === draft.slug)).toBe(false);
  });

  it('gives an unknown draft a clear refusal', async () => {
    expect(await publishNow(randomUUID(), 1)).toEqual({ ok: false, problems: ['This draft no longer exists.'] });
  });

  it('publishes only the version the editor looked at', async () => {
    const draft = await seedDraft();
    await getDb().execute(sql`update drafts set version = 2 where id = ${draft.id}`);
    await getDb().execute(sql`insert into draft_revisions (draft_id, version, content, summary, saved_by)
      select draft_id, 2, content, 'Saved', saved_by from draft_revisions where draft_id = ${draft.id} and version = 1`);
    const outcome = await publishNow(draft.id, 1);
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? '' : outcome.problems.join(' ')).toMatch(/saved again \(version 2\)/);
    expect(await getDraftForPublishing(draft.id)).toMatchObject({ publishedRevisionId: null });
    expect((await publishNow(draft.id, 2)).ok).toBe(true);
  });

  it('unpublishing cancels a schedule, so it cannot come back by itself', async () => {
    const draft = await seedDraft();
    await publishDraft(draft.id, 1, await searchEntryFor(draft.id));
    expect(await scheduleDraft(draft.id, new Date(Date.now() + 60_000), draft.writerId, 1, false, publicationQueue)).toBe(true);
    await unpublishDraft(draft.id, LEASE_SECONDS);
    const live = await getDb().execute(sql`select 1 from publish_jobs where draft_id = ${draft.id} and status in ('pending', 'running', 'failed')`);
    expect(live.length).toBe(0);
    expect(await getDraftForPublishing(draft.id)).toMatchObject({ status: 'draft', scheduledFor: null });
    // When its queued job comes due, its attempt finds nothing to do.
    const [job] = await getDb().execute<{ id: string }>(sql`select id from publish_jobs where draft_id = ${draft.id}`);
    expect(await runPublication(job!.id, false, async () => {})).toBe('skipped');
    expect(await getDraftForPublishing(draft.id)).toMatchObject({ publishedRevisionId: null });
  });
});
