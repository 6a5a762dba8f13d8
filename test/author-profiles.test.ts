import { randomUUID } from 'node:crypto';

import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';

import { closeDb } from '@/db';
import { getProfileOfUser } from '@/db/queries/author-profiles';
import { publishDraft } from '@/db/queries/publishing';
import { createUser } from '@/db/queries/users';
import { formValuesOf } from '@/lib/profile/author-form';
import { saveManagedProfile } from '@/lib/profile/manage-profile';
import { saveProfile } from '@/lib/profile/save-profile';
import { parseSearchParams, searchArticles } from '@/lib/search';

import { searchEntryFor, seedDraft, seedProfile } from './helpers/drafts';

afterAll(closeDb);

const person = async (role: 'contributor' | 'editor' | 'admin') =>
  (await createUser({ email: `${role}-${randomUUID()}@newsroom.example`, name: `A ${role}`, role, passwordHash: 'x' }))!;

const unique = (base: string) => `${base}-${randomUUID().slice(0, 8)}`;

const form = (values: Record<string, string>) => ({ ...formValuesOf(undefined), name: 'The New Region', kind: 'partner', ...values });

async function logo(): Promise<File> {
  const bytes = await sharp({ create: { width: 300, height: 300, channels: 3, background: { r: 20, g: Math.floor(Math.random() * 256), b: 90 } } })
    .png()
    .toBuffer();
  return new File([new Uint8Array(bytes)], 'logo.png', { type: 'image/png' });
}

describe('author profiles in the newsroom', () => {
  it('creates a partner without an account, with a picture and links; refuses half-filled links', async () => {
    const editor = await person('editor');
    const slug = unique('the-new-region');
    const bad = await saveManagedProfile(editor, { values: form({ profileSlug: slug, linkLabel1: 'Website', linkUrl1: 'http://example.org', linkUrl2: 'https://x.example' }) });
    expect(bad).toMatchObject({ ok: false, fieldErrors: { linkUrl1: [expect.stringMatching(/https:\/\//)], linkLabel2: [expect.stringMatching(/needs a label/)] } });

    const values = form({
      profileSlug: slug,
      bio: 'A regional news partner covering the valley.',
      pictureAlt: 'The New Region’s logo, a green pin',
      linkLabel1: 'Website',
      linkUrl1: 'https://newregion.example/',
    });
    const created = await saveManagedProfile(editor, { values }, await logo());
    if (!created.ok) throw new Error(created.error);
    expect(created.profile).toMatchObject({ slug, kind: 'partner', userId: null, links: [{ label: 'Website', url: 'https://newregion.example/' }] });
    expect(created.profile.pictureImageId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses an address of a content/ author or of another profile', async () => {
    const editor = await person('editor');
    const fileAuthor = await saveManagedProfile(editor, { values: form({ profileSlug: 'maya-okafor' }) });
    expect(fileAuthor).toMatchObject({ ok: false, fieldErrors: { profileSlug: [expect.stringMatching(/belongs to one of the site’s authors/)] } });
    const slug = unique('wire');
    expect(await saveManagedProfile(editor, { values: form({ profileSlug: slug, kind: 'agency' }) })).toMatchObject({ ok: true });
    const taken = await saveManagedProfile(editor, { values: form({ profileSlug: slug }) });
    expect(taken).toMatchObject({ ok: false, fieldErrors: { profileSlug: [expect.stringMatching(/Another profile already has/)] } });
  });

  it('refuses a save over a newer version, saying who saved it', async () => {
    const [editor, admin] = [await person('editor'), await person('admin')];
    const created = await saveManagedProfile(editor, { values: form({ profileSlug: unique('guest') }) });
    if (!created.ok) throw new Error(created.error);
    const { id, version } = created.profile;
    const values = { ...formValuesOf(created.profile), name: 'The Newer Region' };
    expect(await saveManagedProfile(admin, { id, version, values })).toMatchObject({ ok: true, profile: { name: 'The Newer Region', version: version + 1 } });
    const stale = await saveManagedProfile(editor, { id, version, values: { ...values, name: 'Lost edit' } });
    expect(stale).toMatchObject({ ok: false, error: expect.stringMatching(/changed by A admin at .+ reload the page/) });
  });

  it('links a profile to an account without one, refuses one that has a profile, and unlinks', async () => {
    const [admin, writer, other] = [await person('admin'), await person('contributor'), await person('contributor')];
    expect(await saveProfile(other, { profileSlug: unique('other'), bio: 'Writes about the harbour and its boats.', pictureAlt: '' })).toMatchObject({ ok: true });
    const created = await saveManagedProfile(admin, { values: form({ profileSlug: unique('linked'), kind: 'staff', userId: writer.id }) });
    if (!created.ok) throw new Error(created.error);
    expect((await getProfileOfUser(writer.id))?.id).toBe(created.profile.id);

    const values = formValuesOf(created.profile);
    const taken = await saveManagedProfile(admin, { id: created.profile.id, version: created.profile.version, values: { ...values, userId: other.id } });
    expect(taken).toMatchObject({ ok: false, fieldErrors: { userId: [expect.stringMatching(/has a profile already/)] } });
    // An admin edits the profile linked to someone else's account (its rules still hold), and unlinks it.
    const shortBio = await saveManagedProfile(admin, { id: created.profile.id, version: created.profile.version, values: { ...values, bio: 'Now a guest.', userId: '' } });
    expect(shortBio).toMatchObject({ ok: false, fieldErrors: { bio: [expect.stringMatching(/20 to 600/)] } });
    const saved = await saveManagedProfile(admin, { id: created.profile.id, version: created.profile.version, values: { ...values, userId: '' } });
    expect(saved).toMatchObject({ ok: true, profile: { userId: null } });
    expect(await getProfileOfUser(writer.id)).toBeUndefined();
  });

  it('lets an editor edit unlinked profiles and their own, not one linked to another account, and not link', async () => {
    const [editor, admin, writer] = [await person('editor'), await person('admin'), await person('contributor')];
    const theirs = await saveManagedProfile(admin, { values: form({ profileSlug: unique('theirs'), kind: 'staff', userId: writer.id }) });
    if (!theirs.ok) throw new Error(theirs.error);
    const edit = { id: theirs.profile.id, version: theirs.profile.version, values: { ...formValuesOf(theirs.profile), name: 'Not mine' } };
    expect(await saveManagedProfile(editor, edit)).toEqual({ ok: false, error: expect.stringMatching(/^Only an admin can change/), fieldErrors: {} });

    const linking = await saveManagedProfile(editor, { values: form({ profileSlug: unique('grab'), userId: admin.id }) });
    expect(linking).toMatchObject({ ok: false, fieldErrors: { userId: ['Only an admin can link a profile to an account.'] } });
    const guest = await saveManagedProfile(editor, { values: form({ profileSlug: unique('guest') }) });
    expect(guest).toMatchObject({ ok: true, profile: { userId: null } });

    // The editor's own profile keeps its link: the form has no account field for them.
    const own = await saveProfile(editor, { profileSlug: unique('mine'), bio: 'Edits the news desk every weekday.', pictureAlt: '' });
    if (!own.ok) throw new Error(own.error);
    const renamed = await saveManagedProfile(editor, { id: own.profile.id, version: own.profile.version, values: { ...formValuesOf(own.profile), userId: '', kind: 'staff' } });
    expect(renamed).toMatchObject({ ok: true, profile: { userId: editor.id, kind: 'staff' } });
  });

  it('creates an account’s first profile under its name cut to 80 characters', async () => {
    const long = (await createUser({ email: `long-${randomUUID()}@newsroom.example`, name: `Dr ${'Longname '.repeat(12)}`.trim(), role: 'contributor', passwordHash: 'x' }))!;
    expect(long.name.length).toBeGreaterThan(80);
    const saved = await saveProfile(long, { profileSlug: unique('long'), bio: 'Writes the long reads on Sundays.', pictureAlt: '' });
    expect(saved).toMatchObject({ ok: true, profile: { name: long.name.slice(0, 80).trimEnd(), userId: long.id } });
  });

  it('refuses a contributor, even for their own profile', async () => {
    const writer = await person('contributor');
    const own = await saveProfile(writer, { profileSlug: unique('own'), bio: 'Covers schools and the town council.', pictureAlt: '' });
    if (!own.ok) throw new Error(own.error);
    const values = { ...formValuesOf(own.profile), kind: 'agency' };
    expect(await saveManagedProfile(writer, { id: own.profile.id, version: own.profile.version, values })).toEqual({
      ok: false,
      error: 'You are not allowed to do that.',
      fieldErrors: {},
    });
    expect(await saveManagedProfile(writer, { values: form({ profileSlug: unique('sneaky') }) })).toMatchObject({ ok: false, error: 'You are not allowed to do that.' });
    expect((await getProfileOfUser(writer.id))?.kind).toBe('contributor');
  });

  it('re-indexes a renamed profile’s published articles: search finds the new name and address', async () => {
    const editor = await person('editor');
    const wire = await seedProfile({ name: 'Harbour Wire', kind: 'agency', pictureAlt: 'The Harbour Wire logo, a lighthouse' });
    const bylined = await seedDraft({ authorIds: [wire.id] });
    await publishDraft(bylined.id, 1, await searchEntryFor(bylined.id));
    const name = `Quillonmere ${randomUUID().slice(0, 6)}`;
    const slug = unique('quillonmere');
    const saved = await saveManagedProfile(editor, { id: wire.id, version: wire.version, values: { ...formValuesOf(wire), name, profileSlug: slug } });
    if (!saved.ok) throw new Error(saved.error);
    const byName = await searchArticles(parseSearchParams({ q: name }));
    expect(byName.hits.map((hit) => [hit.slug, hit.byline])).toEqual([[bylined.slug, name]]);
    const bySlug = await searchArticles(parseSearchParams({ q: 'text', author: slug }));
    expect(bySlug.hits.map((hit) => hit.slug)).toEqual([bylined.slug]);
  });
});
