import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';

import { closeDb, getDb } from '@/db';
import { listCorrectionsOf } from '@/db/queries/corrections';
import { saveDraft } from '@/db/queries/draft-saves';
import { changesWhatReadersSee, getDraftForPublishing, unpublishDraft } from '@/db/queries/publishing';
import { scheduleDraft } from '@/db/queries/schedules';
import type { DraftContent } from '@/db/schema';
import { getCategories } from '@/lib/content';
import { readPublishedArticles } from '@/lib/content/published';
import { publicationQueue } from '@/lib/jobs/publications';
import { runPublication } from '@/lib/jobs/publish';
import { stopQueue } from '@/lib/jobs/queue';
import { LEASE_SECONDS } from '@/lib/newsletter/delivery-settings';
import { addCorrection } from '@/lib/publishing/corrections';
import { parsePublicationDate } from '@/lib/publishing/publication-date';
import { correctionSchema } from '@/lib/publishing/schema';
import { publishNow, schedule } from '@/lib/publishing/service';

import { seedDraft } from './helpers/drafts';

afterAll(async () => {
  await stopQueue(2_000);
  await closeDb();
});

type Seeded = Awaited<ReturnType<typeof seedDraft>>;

const contentOf = ({ id: _id, authorSlug: _slug, authorName: _name, ...content }: Seeded): DraftContent => content;

/** Saves the next version with `change` applied, as the editor's form does; returns its number. */
async function saveChange(draft: Seeded, version: number, change: Partial<DraftContent>): Promise<number> {
  const saved = await saveDraft({ id: draft.writerId, canEditAny: true }, draft.id, version, { ...contentOf(draft), ...change });
  if (!saved.ok) throw new Error(`The save was refused: ${saved.reason}`);
  return saved.draft.version;
}

const articleOf = async (slug: string) => (await readPublishedArticles(await getCategories())).find((article) => article.slug === slug);

describe('publication date', () => {
  it('is the moment of the first publication when none is given', async () => {
    const draft = await seedDraft();
    const before = Date.now();
    expect(await publishNow(draft.id, 1)).toMatchObject({ ok: true });
    const publishedAt = (await getDraftForPublishing(draft.id))!.publishedAt!;
    expect(publishedAt.getTime()).toBeGreaterThanOrEqual(before - 1_000);
    expect(publishedAt.getTime()).toBeLessThanOrEqual(Date.now() + 1_000);
  });

  it('takes the date an editor gives, shows it to readers and in search, and keeps it when published again', async () => {
    const draft = await seedDraft();
    const moved = new Date('2024-03-05T09:15:00Z');
    expect(await publishNow(draft.id, 1, undefined, moved)).toMatchObject({ ok: true });
    expect((await getDraftForPublishing(draft.id))!.publishedAt).toEqual(moved);
    expect((await articleOf(draft.slug))?.published).toEqual(moved);
    const [entry] = await getDb().execute<{ published: string }>(sql`select published from search_documents where id = ${`draft/${draft.id}`}`);
    expect(new Date(entry!.published)).toEqual(moved);

    const version = await saveChange(draft, 1, { title: 'A title changed for the second publication' });
    expect(await publishNow(draft.id, version)).toMatchObject({ ok: true });
    expect((await getDraftForPublishing(draft.id))!.publishedAt).toEqual(moved);
    await unpublishDraft(draft.id, LEASE_SECONDS);
    expect(await publishNow(draft.id, version)).toMatchObject({ ok: true });
    expect((await getDraftForPublishing(draft.id))!.publishedAt).toEqual(moved);
  });

  it('refuses a date in the future, pointing to Schedule, and publishes nothing', async () => {
    const draft = await seedDraft();
    const outcome = await publishNow(draft.id, 1, undefined, new Date(Date.now() + 3_600_000));
    expect(outcome).toEqual({ ok: false, problems: ['The publication date cannot be in the future. To publish later, use Schedule.'] });
    expect(await getDraftForPublishing(draft.id)).toMatchObject({ publishedRevisionId: null, publishedAt: null });

    const typed = parsePublicationDate('2999-01-01T10:00', 'Europe/London', new Date());
    expect(typed).toEqual({ ok: false, error: 'The publication date cannot be in the future. To publish later, use Schedule.' });
    expect(parsePublicationDate('2026-13-01T10:00', 'Europe/London', new Date())).toMatchObject({ ok: false });
    expect(parsePublicationDate('', 'Europe/London', new Date())).toEqual({ ok: true, date: undefined });
  });

  it('reads a typed date on the newsroom clock', () => {
    // 14:05 in London in summer is 13:05 UTC.
    expect(parsePublicationDate('2026-07-01T14:05', 'Europe/London', new Date())).toEqual({ ok: true, date: new Date('2026-07-01T13:05:00Z') });
  });

  it('goes with a schedule: dated as given when it runs, and never later than the scheduled time', async () => {
    const draft = await seedDraft();
    const runAt = new Date(Date.now() + 60_000);
    expect(await schedule(draft.id, 1, runAt, draft.writerId, false, new Date(runAt.getTime() + 60_000))).toEqual({
      ok: false,
      problems: ['The publication date cannot be later than the scheduled time.'],
    });
    const moved = new Date('2025-01-20T08:00:00Z');
    expect(await scheduleDraft(draft.id, runAt, draft.writerId, 1, false, publicationQueue, moved)).toBe(true);
    const [job] = await getDb().execute<{ id: string }>(sql`select id from publish_jobs where draft_id = ${draft.id} and status = 'pending'`);
    expect(await runPublication(job!.id, false, async () => {})).toBe('published');
    expect((await getDraftForPublishing(draft.id))!.publishedAt).toEqual(moved);
  });
});

describe('"Updated" time', () => {
  it('is recorded only when a republication changes what readers see', async () => {
    const draft = await seedDraft();
    await publishNow(draft.id, 1);
    await publishNow(draft.id, 1);
    const row = async () => (await getDb().execute<{ content_updated_at: string | null }>(sql`select content_updated_at from drafts where id = ${draft.id}`))[0]!;
    expect((await row()).content_updated_at).toBeNull();

    // Retagged and moved on the front page: the story itself is the same.
    const retagged = await saveChange(draft, 1, { tags: ['ferries'], featured: true });
    await publishNow(draft.id, retagged);
    expect((await row()).content_updated_at).toBeNull();
    expect((await articleOf(draft.slug))?.updated).toBeUndefined();

    const rewritten = await saveChange(draft, retagged, { body: 'Some **text**, and a new paragraph.\n\nThe ferry runs again.' });
    const before = Date.now();
    await publishNow(draft.id, rewritten);
    const updated = new Date((await row()).content_updated_at!);
    expect(updated.getTime()).toBeGreaterThanOrEqual(before - 1_000);
    expect((await articleOf(draft.slug))?.updated).toEqual(updated);

    // Published again unchanged: the time stays that of the change.
    await publishNow(draft.id, rewritten);
    expect(new Date((await row()).content_updated_at!)).toEqual(updated);
  });

  it('compares a return after unpublishing with what readers saw last', async () => {
    const draft = await seedDraft();
    await publishNow(draft.id, 1);
    await unpublishDraft(draft.id, LEASE_SECONDS);
    await publishNow(draft.id, 1);
    expect((await articleOf(draft.slug))?.updated).toBeUndefined();
    await unpublishDraft(draft.id, LEASE_SECONDS);
    const changed = await saveChange(draft, 1, { standfirst: 'A different standfirst, long enough to publish.' });
    await publishNow(draft.id, changed);
    expect((await articleOf(draft.slug))?.updated).toBeInstanceOf(Date);
  });

  it('counts the title, standfirst, body, hero and byline, not the tags, section or front-page place', async () => {
    const draft = await seedDraft();
    const base = contentOf(draft);
    for (const change of [
      { title: 'Another' },
      { standfirst: 'Other' },
      { body: 'Other' },
      { heroImageId: null },
      { heroAlt: 'Other' },
      { heroCredit: 'Other' },
      { authorIds: [] },
      { credit: 'With agencies' },
    ]) {
      expect(changesWhatReadersSee(base, { ...base, ...change })).toBe(true);
    }
    for (const change of [{ tags: [] }, { category: 'sport' }, { featured: true }, { body: `${base.body}\n` }]) {
      expect(changesWhatReadersSee(base, { ...base, ...change })).toBe(false);
    }
  });
});

describe('corrections', () => {
  it('are appended to a published article and shown newest first, without publishing again', async () => {
    const draft = await seedDraft();
    await publishNow(draft.id, 1);
    const first = await addCorrection({ draftId: draft.id, kind: 'correction', text: 'An earlier version gave the wrong ferry times.', userId: draft.writerId });
    expect(first).toEqual({ ok: true, slug: draft.slug, tags: [`article:${draft.slug}`, 'corrections'] });
    await new Promise((resolve) => setTimeout(resolve, 10));
    await addCorrection({ draftId: draft.id, kind: 'clarification', text: 'The harbour master spoke in a personal capacity.', userId: draft.writerId });
    const article = await articleOf(draft.slug);
    expect(article?.corrections.map((correction) => correction.kind)).toEqual(['clarification', 'correction']);
    expect(article?.corrections[1]).toMatchObject({ text: 'An earlier version gave the wrong ferry times.' });
    expect(article?.corrections[0]!.date.getTime()).toBeGreaterThan(article!.corrections[1]!.date.getTime());
    expect((await listCorrectionsOf(draft.id)).map((correction) => correction.kind)).toEqual(['clarification', 'correction']);
  });

  it('cannot be edited away: the database refuses an update', async () => {
    const draft = await seedDraft();
    await publishNow(draft.id, 1);
    await addCorrection({ draftId: draft.id, kind: 'correction', text: 'An earlier version misspelt the harbour’s name.', userId: draft.writerId });
    await expect(getDb().execute(sql`update corrections set text = 'Nothing happened.' where draft_id = ${draft.id}`)).rejects.toThrow();
    expect((await listCorrectionsOf(draft.id))[0]?.text).toBe('An earlier version misspelt the harbour’s name.');
  });

  it('are refused on an article that is not published, and leave with it when it is unpublished', async () => {
    const draft = await seedDraft();
    expect(await addCorrection({ draftId: draft.id, kind: 'correction', text: 'A correction to nothing at all.', userId: draft.writerId })).toMatchObject({ ok: false });
    await publishNow(draft.id, 1);
    await addCorrection({ draftId: draft.id, kind: 'correction', text: 'An earlier version gave the wrong date.', userId: draft.writerId });
    await unpublishDraft(draft.id, LEASE_SECONDS);
    expect(await articleOf(draft.slug)).toBeUndefined();
    await publishNow(draft.id, 1);
    expect((await articleOf(draft.slug))?.corrections).toHaveLength(1);
  });

  it('take a kind and plain text of a sensible length', () => {
    const draftId = '00000000-0000-4000-8000-000000000001';
    expect(correctionSchema.safeParse({ draftId, kind: 'retraction', text: 'Long enough text here.' }).success).toBe(false);
    expect(correctionSchema.safeParse({ draftId, kind: 'correction', text: 'short' }).success).toBe(false);
    expect(correctionSchema.safeParse({ draftId, kind: 'correction', text: 'x'.repeat(2001) }).success).toBe(false);
    expect(correctionSchema.safeParse({ draftId, kind: 'clarification', text: '  An earlier version was unclear.  ' })).toMatchObject({
      success: true,
      data: { text: 'An earlier version was unclear.' },
    });
  });
});
