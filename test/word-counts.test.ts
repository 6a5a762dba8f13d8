import { randomUUID } from 'node:crypto';

import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { closeDb, getDb } from '@/db';
import { publishDraft } from '@/db/queries/publishing';
import { createUser, type PublicUser } from '@/db/queries/users';
import { listUncountedPublished } from '@/db/queries/word-counts';
import { draftRevisions } from '@/db/schema';
import { getCategories } from '@/lib/content';
import { compileDraftMdx } from '@/lib/content/draft-mdx';
import { parseMdx } from '@/lib/content/mdx-tree';
import { readPublishedArticles } from '@/lib/content/published';
import { countWords } from '@/lib/content/reading-time';
import { untrustedMdxThreads } from '@/lib/content/untrusted/pool';
import { countUncountedPublished } from '@/lib/content/word-counts';
import { draftFormSchema } from '@/lib/drafts/form';
import { createDraftFor, restoreRevisionFor, saveDraftFor } from '@/lib/drafts/service';
import { publishNow } from '@/lib/publishing/service';

import { searchEntryFor, seedDraft } from './helpers/drafts';

afterAll(closeDb);

const BODY = '## The **multi**word heading\n\n- one item\n- two `items`\n\n```js\nnot.counted();\n```\n\n<PullQuote cite="A resident">It rose fast.</PullQuote>\n';
// Counted on this thread only because the test wrote it: newsroom bodies are counted in the worker.
const WORDS = countWords(parseMdx(BODY));

async function wordCountOf(draftId: string, version: number) {
  const [row] = await getDb()
    .select({ wordCount: draftRevisions.wordCount })
    .from(draftRevisions)
    .where(and(eq(draftRevisions.draftId, draftId), eq(draftRevisions.version, version)));
  return row?.wordCount;
}

async function setWordCount(draftId: string, version: number, wordCount: number | null) {
  await getDb()
    .update(draftRevisions)
    .set({ wordCount })
    .where(and(eq(draftRevisions.draftId, draftId), eq(draftRevisions.version, version)));
}

/** A draft published the way revisions saved before counts were stored are: its revision has none. */
async function publishedWithoutCount(body = BODY) {
  const draft = await seedDraft({ body });
  expect(await publishDraft(draft.id, 1, await searchEntryFor(draft.id))).not.toBeNull();
  expect(await wordCountOf(draft.id, 1)).toBeNull();
  return draft;
}

async function publishedArticle(slug: string) {
  return (await readPublishedArticles(await getCategories())).find((article) => article.slug === slug);
}

let writer: PublicUser;
beforeAll(async () => {
  writer = (await createUser({ email: `words-${randomUUID()}@newsroom.example`, name: 'Writer', role: 'contributor', passwordHash: 'x' }))!;
  await compileDraftMdx('## Warm\n\nThreads started.');
});

describe('word counts', () => {
  it('come back from the worker with the compiled code, counted from the same tree', async () => {
    expect(WORDS).toBe(3 + 4 + 3 + 2);
    expect(await compileDraftMdx(BODY)).toMatchObject({ ok: true, words: WORDS });
  });

  it('are stored with the revision a save writes, and kept by a restore', async () => {
    const created = await createDraftFor(writer, { title: `Harbour wall ${randomUUID().slice(0, 8)}`, slug: '' });
    if (!created.ok) throw new Error(created.error);
    const fields = {
      id: created.id,
      title: 'Harbour wall repaired',
      slug: '',
      standfirst: '',
      category: '',
      tags: '',
      author1: '',
      heroImageId: '',
      heroAlt: '',
      heroCredit: '',
    };
    const saved = await saveDraftFor(writer, draftFormSchema.parse({ ...fields, version: '1', body: BODY }), { javascript: false });
    expect(saved).toMatchObject({ ok: true, message: expect.stringMatching(/^Saved at \d\d:\d\d as version 2\.$/) });
    expect(await wordCountOf(created.id, 2)).toBe(WORDS);
    // Saves are limited per person (a burst, then one every two seconds): the burst covers these.
    await saveDraftFor(writer, draftFormSchema.parse({ ...fields, version: '2', body: 'Three words only.' }), { javascript: false });
    expect(await wordCountOf(created.id, 3)).toBe(3);
    expect(await restoreRevisionFor(writer, created.id, 2, 3)).toMatchObject({ ok: true });
    expect(await wordCountOf(created.id, 4)).toBe(WORDS);
  });

  it('of the published revision are what listings show, and reading listings compiles nothing', async () => {
    const draft = await publishedWithoutCount();
    const uncounted = await publishedArticle(draft.slug);
    expect(uncounted).toBeDefined();
    expect(uncounted).not.toHaveProperty('readingMinutes');
    expect(uncounted).not.toHaveProperty('words');
    // Whatever is stored is shown, however long the body really is: the listing never counts it.
    await setWordCount(draft.id, 1, 1150);
    expect(await publishedArticle(draft.slug)).toMatchObject({ words: 1150, readingMinutes: 5 });
    // Published bodies are compiled in the readers' lane; listings never started it.
    expect(untrustedMdxThreads().readers).toBeUndefined();
  });

  it('are stored by publishing a revision saved before counts were', async () => {
    const draft = await seedDraft({ body: BODY });
    expect(await wordCountOf(draft.id, 1)).toBeNull();
    expect(await publishNow(draft.id, 1)).toMatchObject({ ok: true });
    expect(await wordCountOf(draft.id, 1)).toBe(WORDS);
    expect(await publishedArticle(draft.slug)).toMatchObject({ words: WORDS, readingMinutes: 1 });
  });

  it('of older published revisions are filled in once, in the worker, leaving out bodies it cannot read', async () => {
    const older = await publishedWithoutCount();
    const unreadable = await publishedWithoutCount();
    // A body today's rules refuse (an expression), stored before they did.
    await getDb()
      .update(draftRevisions)
      .set({ content: sql`jsonb_set(${draftRevisions.content}, '{body}', to_jsonb(${'Total {1 + 2} seats.'}::text))` })
      .where(and(eq(draftRevisions.draftId, unreadable.id), eq(draftRevisions.version, 1)));

    const run = await countUncountedPublished();
    expect(run.more).toBe(false);
    expect(run.counted).toBeGreaterThanOrEqual(1);
    expect(await wordCountOf(older.id, 1)).toBe(WORDS);
    expect(await wordCountOf(unreadable.id, 1)).toBeNull();
    expect(await publishedArticle(older.slug)).toMatchObject({ words: WORDS, readingMinutes: 1 });
    expect(untrustedMdxThreads().readers).toBeDefined();

    const uncounted = (await listUncountedPublished(1_000)).map((revision) => revision.slug);
    expect(uncounted).not.toContain(older.slug);
    expect(uncounted).toContain(unreadable.slug);
  });

  it('stop at the time budget, and say to go on only after progress', async () => {
    await publishedWithoutCount();
    // No time at all: nothing counted, and "more" is false, so the start-up loop always ends.
    expect(await countUncountedPublished(-1)).toEqual({ counted: 0, more: false });
  });
});
