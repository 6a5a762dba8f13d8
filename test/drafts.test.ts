import { randomUUID } from 'node:crypto';

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { closeDb, getDb } from '@/db';
import { backToWriter, submitForReview } from '@/db/queries/draft-review';
import { listRevisions, restoreRevision } from '@/db/queries/draft-revisions';
import { createDraft, saveDraft, SlugTakenError } from '@/db/queries/draft-saves';
import { type DraftViewer, getDraft, listDrafts } from '@/db/queries/drafts';
import { createUser, type PublicUser } from '@/db/queries/users';
import { type DraftContent, draftRevisions } from '@/db/schema';
import { resolveAddress } from '@/lib/drafts/address';
import { checkDraft } from '@/lib/drafts/check';
import { draftFieldsSchema } from '@/lib/drafts/schema';
import { slugify } from '@/lib/drafts/slug';

import { seedProfile } from './helpers/drafts';

afterAll(closeDb);

let writer: PublicUser;
let other: PublicUser;
let editor: PublicUser;
const as = (user: PublicUser, canEditAny = false): DraftViewer => ({ id: user.id, canEditAny });

async function person(role: 'contributor' | 'editor', name: string) {
  return (await createUser({ email: `${name.toLowerCase()}-${randomUUID()}@newsroom.example`, name, role, passwordHash: 'x' }))!;
}

beforeAll(async () => {
  writer = await person('contributor', 'Writer');
  other = await person('contributor', 'Other');
  editor = await person('editor', 'Editor');
});

function content(overrides: Partial<DraftContent> = {}): DraftContent {
  return {
    title: 'A story',
    slug: `story-${randomUUID().slice(0, 8)}`,
    standfirst: '',
    category: '',
    tags: [],
    authorIds: [],
    credit: '',
    heroImageId: null,
    heroAlt: '',
    heroCredit: '',
    body: 'First words.',
    featured: false,
    ...overrides,
  };
}

async function revisionCount(draftId: string) {
  return (await getDb().select().from(draftRevisions).where(eq(draftRevisions.draftId, draftId))).length;
}

describe('versioned saves', () => {
  it('creates revision 1 with the draft', async () => {
    const draft = await createDraft(writer.id, content());
    expect(draft.version).toBe(1);
    const revisions = await listRevisions(as(writer), draft.id);
    expect(revisions.map((revision) => [revision.version, revision.savedByName])).toEqual([[1, 'Writer']]);
  });

  it('lets exactly one of two saves on the same version win; the other gets the current draft', async () => {
    const draft = await createDraft(writer.id, content());
    const results = await Promise.all([
      saveDraft(as(writer), draft.id, 1, content({ slug: draft.slug, body: 'Writer’s words' })),
      saveDraft(as(editor, true), draft.id, 1, content({ slug: draft.slug, body: 'Editor’s words' })),
    ]);
    const winners = results.filter((result) => result.ok);
    const losers = results.filter((result) => !result.ok);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    const winner = winners[0]!;
    const loser = losers[0]!;
    if (!winner.ok || loser.ok || loser.reason !== 'conflict') throw new Error('expected a win and a conflict');
    expect(loser.current.version).toBe(2);
    expect(loser.current.body).toBe(winner.draft.body);
    expect(loser.current.updatedByName).toBe(winner.draft.updatedByName);
    expect(await revisionCount(draft.id)).toBe(2);
  });

  it('adds exactly one revision per save, with the saved content', async () => {
    const draft = await createDraft(writer.id, content());
    let version = draft.version;
    for (const body of ['two', 'three', 'four']) {
      const result = await saveDraft(as(writer), draft.id, version, content({ slug: draft.slug, body }));
      if (!result.ok) throw new Error(`save refused: ${result.reason}`);
      version = result.draft.version;
    }
    const revisions = await listRevisions(as(writer), draft.id);
    expect(revisions.map((revision) => [revision.version, revision.content.body])).toEqual([
      [4, 'four'],
      [3, 'three'],
      [2, 'two'],
      [1, 'First words.'],
    ]);
  });

  it('restores an old revision as a new version, and refuses a restore based on an old version', async () => {
    const draft = await createDraft(writer.id, content({ title: 'Original' }));
    const saved = await saveDraft(as(writer), draft.id, 1, content({ slug: draft.slug, title: 'Changed' }));
    expect(saved.ok).toBe(true);
    expect((await restoreRevision(as(writer), draft.id, 1, 1)).ok).toBe(false);
    const restored = await restoreRevision(as(writer), draft.id, 1, 2);
    if (!restored.ok) throw new Error('restore refused');
    expect(restored.draft).toMatchObject({ version: 3, title: 'Original' });
    const [latest] = await listRevisions(as(writer), draft.id);
    expect(latest).toMatchObject({ version: 3, summary: 'Restored version 1' });
  });

  it('never changes the status when saving', async () => {
    const draft = await createDraft(writer.id, content());
    await submitForReview(as(writer), draft.id);
    const saved = await saveDraft(as(editor, true), draft.id, 1, content({ slug: draft.slug, body: 'Edited by the desk' }));
    expect(saved.ok && saved.draft.status).toBe('in_review');
  });
});

describe('access', () => {
  it('keeps a contributor out of someone else’s draft, in reads and in saves', async () => {
    const draft = await createDraft(writer.id, content());
    expect(await getDraft(as(other), draft.id)).toBeUndefined();
    expect(await listRevisions(as(other), draft.id)).toEqual([]);
    expect((await listDrafts(as(other))).map((item) => item.id)).not.toContain(draft.id);
    expect(await saveDraft(as(other), draft.id, 1, content({ slug: draft.slug, body: 'Hijacked' }))).toEqual({ ok: false, reason: 'not-found' });
    expect((await submitForReview(as(other), draft.id)).ok).toBe(false);
    expect((await getDraft(as(writer), draft.id))?.body).toBe('First words.');
    expect(await getDraft(as(editor, true), draft.id)).toBeDefined();
  });

  it('lets the named author in, even if someone else started the draft', async () => {
    const profile = await seedProfile({ userId: other.id });
    const draft = await createDraft(editor.id, content({ authorIds: [(await seedProfile()).id, profile.id] }));
    expect(await getDraft(as(other), draft.id)).toBeDefined();
  });

  it('locks a draft in review for its contributor until it is withdrawn', async () => {
    const draft = await createDraft(writer.id, content());
    expect((await submitForReview(as(writer), draft.id)).ok).toBe(true);
    expect(await saveDraft(as(writer), draft.id, 1, content({ slug: draft.slug }))).toMatchObject({ ok: false, reason: 'locked' });
    expect((await backToWriter(as(writer), draft.id)).ok).toBe(true);
    expect((await saveDraft(as(writer), draft.id, 1, content({ slug: draft.slug }))).ok).toBe(true);
  });
});

describe('addresses', () => {
  it('refuses an address of an article in content/', async () => {
    expect(await resolveAddress('allotment-waiting-list', 'Anything')).toEqual({ error: expect.stringContaining('“allotment-waiting-list” is already used by another article') });
    expect(await resolveAddress('', 'Allotment waiting list')).toEqual({ slug: 'allotment-waiting-list-2' });
  });

  it('refuses the address of another draft, and numbers one made from a title', async () => {
    expect(slugify('  Café  Naïve! ')).toBe('cafe-naive');
    const first = await createDraft(writer.id, content({ slug: 'cafe-naive' }));
    expect(await resolveAddress('cafe-naive', 'x')).toEqual({ error: expect.stringContaining('“cafe-naive”') });
    expect(await resolveAddress('cafe-naive', 'x', first.id)).toEqual({ slug: 'cafe-naive' });
    expect(await resolveAddress('', 'Café  Naïve!')).toEqual({ slug: 'cafe-naive-2' });
    await expect(createDraft(writer.id, content({ slug: 'cafe-naive' }))).rejects.toBeInstanceOf(SlugTakenError);
    const second = await createDraft(writer.id, content());
    await expect(saveDraft(as(writer), second.id, 1, content({ slug: 'cafe-naive' }))).rejects.toBeInstanceOf(SlugTakenError);
    expect(await revisionCount(second.id)).toBe(1);
  });
});

describe('checking a draft before it is saved', () => {
  const form = (body: string, overrides: Record<string, unknown> = {}) =>
    draftFieldsSchema.parse({
      title: 'A title',
      slug: '',
      standfirst: '',
      category: '',
      tags: 'Local News, budget,, local news',
      authorIds: [],
      heroImageId: '',
      heroAlt: '',
      heroCredit: '',
      body,
      ...overrides,
    });

  it('normalises tags and makes an address', async () => {
    const result = await checkDraft(form('Plain text.'), writer);
    expect(result).toMatchObject({ ok: true, content: { tags: ['local-news', 'budget'], slug: 'a-title' } });
  });

  it('refuses hostile MDX with every problem placed', async () => {
    const result = await checkDraft(form('# Hi\n\n{process.env.APP_SECRET}\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1))'), writer);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors.body).toEqual([
      expect.stringMatching(/^Line 3, column 1: Expressions/),
      expect.stringMatching(/^Line 5, column 1: /),
      expect.stringMatching(/^Line 7, column 1: Links/),
    ]);
  });

  it('refuses an unknown category', async () => {
    expect(await checkDraft(form('Text', { category: 'sprots' }), writer)).toMatchObject({ ok: false, fieldErrors: { category: [expect.any(String)] } });
  });

  it('refuses a hero image that is not stored', async () => {
    const result = await checkDraft(form('Text', { heroImageId: randomUUID() }), writer);
    expect(result).toMatchObject({ ok: false, fieldErrors: { heroImage: [expect.any(String)] } });
  });

  it('limits the fields', () => {
    const tooMany = draftFieldsSchema.safeParse({
      title: 'x',
      slug: '',
      standfirst: '',
      category: '',
      tags: 'a,b,c,d,e,f,g,h,i',
      authorIds: [],
      heroImageId: '',
      heroAlt: '',
      heroCredit: '',
      body: '',
    });
    expect(tooMany.success).toBe(false);
    const badSlug = draftFieldsSchema.safeParse({
      title: 'x',
      slug: 'Not A Slug',
      standfirst: '',
      category: '',
      tags: '',
      authorIds: [],
      heroImageId: '',
      heroAlt: '',
      heroCredit: '',
      body: '',
    });
    expect(badSlug.success).toBe(false);
    expect(
      draftFieldsSchema.safeParse({ title: '', slug: '', standfirst: '', category: '', tags: '', authorIds: [], heroImageId: '', heroAlt: '', heroCredit: '', body: '' }).success,
    ).toBe(false);
  });
});
