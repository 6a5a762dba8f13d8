import { randomUUID } from 'node:crypto';

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { closeDb } from '@/db';
import { getDraft } from '@/db/queries/drafts';
import { createUser, type PublicUser } from '@/db/queries/users';
import { compileDraftMdx } from '@/lib/content/draft-mdx';
import { draftFormSchema } from '@/lib/drafts/form';
import { createDraftFor, restoreRevisionFor, returnToWriterFor, saveDraftFor, submitDraftFor, withdrawDraftFor } from '@/lib/drafts/service';

afterAll(closeDb);

let writer: PublicUser;
let editor: PublicUser;
const person = async (role: 'contributor' | 'editor', name: string) =>
  (await createUser({ email: `${name.toLowerCase()}-${randomUUID()}@newsroom.example`, name, role, passwordHash: 'x' }))!;
beforeAll(async () => {
  editor = await person('editor', 'Editor');
  // Saving compiles the body: the worker threads start before the first save is timed.
  await compileDraftMdx('## Warm\n\nThreads started.');
});
// Saves are limited per person (a burst, then one every two seconds): each test writes as someone new.
beforeEach(async () => {
  writer = await person('contributor', 'Writer');
});

const form = (id: string, version: number, fields: Record<string, string> = {}) =>
  draftFormSchema.parse({
    id,
    version: String(version),
    title: 'Harbour wall repaired',
    slug: '',
    standfirst: '',
    category: '',
    tags: '',
    author1: '',
    heroImageId: '',
    heroAlt: '',
    heroCredit: '',
    body: 'The wall stands.',
    ...fields,
  });

async function newDraft(): Promise<string> {
  const created = await createDraftFor(writer, { title: `Harbour wall ${randomUUID().slice(0, 8)}`, slug: '' });
  if (!created.ok) throw new Error(created.error);
  return created.id;
}

describe('the drafts service', () => {
  it('creates a draft with an address made from its title, and refuses one without a title', async () => {
    const draft = await getDraft({ id: writer.id, canEditAny: false }, await newDraft());
    // The writer has no profile yet: the byline starts empty (the publish check asks for an author).
    expect(draft).toMatchObject({ authorIds: [], credit: '', version: 1, slug: expect.stringMatching(/^harbour-wall-/) });
    expect(await createDraftFor(writer, { title: '', slug: '' })).toMatchObject({ ok: false, fieldErrors: { title: expect.any(Array) }, values: { title: '' } });
  });

  it('saves a version, with a preview of it only for a call made with JavaScript', async () => {
    const id = await newDraft();
    const withScript = await saveDraftFor(writer, form(id, 1), { javascript: true });
    if (!withScript.ok) throw new Error(withScript.error);
    expect(withScript).toMatchObject({
      ok: true,
      saved: true,
      message: expect.stringMatching(/^Saved at \d\d:\d\d as version 2\.$/),
      preview: { draft: { id, content: { body: 'The wall stands.' } } },
    });
    const without = await saveDraftFor(writer, form(id, 2), { javascript: false });
    expect(without).toMatchObject({ ok: true, saved: true, message: expect.stringMatching(/ as version 3\.$/) });
    expect(without).not.toHaveProperty('preview');
    // Autosave keeps its own live preview: no second compile of what it just saved.
    const autosaved = await saveDraftFor(writer, form(id, 3), { javascript: true, render: false });
    expect(autosaved).toMatchObject({ ok: true, saved: true, message: expect.stringMatching(/ as version 4\.$/) });
    expect(autosaved).not.toHaveProperty('preview');
  });

  it('previews what is typed without saving it', async () => {
    const id = await newDraft();
    const result = await saveDraftFor(writer, form(id, 1, { intent: 'preview', body: 'Not saved yet.' }), { javascript: true });
    expect(result).toMatchObject({ ok: true, saved: false, preview: { draft: { content: { body: 'Not saved yet.' } } } });
    const withoutScript = await saveDraftFor(writer, form(id, 1, { intent: 'preview', body: 'Kept for the page.' }), { javascript: false });
    expect(withoutScript).toMatchObject({ ok: true, saved: false, keepTyped: { body: 'Kept for the page.' } });
    expect((await getDraft({ id: writer.id, canEditAny: false }, id))?.version).toBe(1);
  });

  it('answers a save over a newer version with the conflict, and lets the writer save over it', async () => {
    const id = await newDraft();
    expect(await saveDraftFor(writer, form(id, 1), { javascript: false })).toMatchObject({ ok: true });
    const refused = await saveDraftFor(writer, form(id, 1, { body: 'Mine.' }), { javascript: false });
    expect(refused).toMatchObject({ ok: false, values: { overwriteVersion: '2' }, conflict: { currentVersion: 2, changedBy: 'Writer' } });
    expect(await saveDraftFor(writer, form(id, 1, { body: 'Mine.', intent: 'overwrite', overwriteVersion: '2' }), { javascript: false })).toMatchObject({
      ok: true,
      message: expect.stringMatching(/ as version 3\.$/),
    });
  });

  it('locks a draft in review for its writer until it is withdrawn or returned, and restores old versions', async () => {
    const id = await newDraft();
    expect(await submitDraftFor(writer, id)).toMatchObject({ ok: true });
    expect(await saveDraftFor(writer, form(id, 1), { javascript: false })).toMatchObject({ ok: false, error: expect.stringContaining('with the editors for review') });
    expect(await withdrawDraftFor(writer, id)).toMatchObject({ ok: true });
    expect(await returnToWriterFor(editor, id)).toMatchObject({ ok: false, error: 'This draft is not in review any more.' });
    expect(await saveDraftFor(writer, form(id, 1), { javascript: false })).toMatchObject({ ok: true });
    expect(await restoreRevisionFor(writer, id, 1, 2)).toMatchObject({ ok: true, message: 'Version 1 is restored as version 3.' });
    expect(await restoreRevisionFor(writer, id, 1, 2)).toMatchObject({ ok: false, error: expect.stringContaining('Not restored') });
  });
});
