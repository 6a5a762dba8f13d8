import { afterAll, beforeEach, describe, expect, it } from 'vitest';

import { openOwnDatabase } from './helpers/own-database';

// site_settings is one row that every getSite() reads: a database of this file's own, so no other
// file's emails or pages see these settings.
const database = await openOwnDatabase();
const { closeDb, getDb } = await import('@/db');
const { siteSettings } = await import('@/db/schema');
const { createUser } = await import('@/db/queries/users');
const { getCategories, getSite, getSiteFile } = await import('@/lib/content');
const { settingsFormSchema } = await import('@/lib/site-settings/form');
const { loadSettings, saveSettingsForm, settingsFormValues } = await import('@/lib/site-settings/service');

afterAll(async () => {
  await closeDb();
  await database.drop();
});

const admin = (await createUser({ email: 'settings-admin@newsroom.example', name: 'Ada Admin', role: 'admin', passwordHash: 'x' }))!;
const other = (await createUser({ email: 'settings-other@newsroom.example', name: 'Otto Other', role: 'admin', passwordHash: 'x' }))!;
const file = await getSiteFile();
const categories = await getCategories();

/** The settings form as the page fills it now, with `changes` typed over it and `intent` pressed. */
async function form(changes: Record<string, string> = {}, intent = 'save') {
  const values = settingsFormValues(await loadSettings(file));
  return settingsFormSchema.parse({ ...values, ...changes, intent });
}

const save = async (changes: Record<string, string> = {}, intent = 'save', by = admin) => saveSettingsForm(await form(changes, intent), by, file, categories);

beforeEach(async () => {
  await getDb().delete(siteSettings);
});

describe('site settings', () => {
  it('start as content/site.json, and getSite() shows a saved name over it, the rest from the file', async () => {
    expect(await getSite()).toEqual(file);
    expect(await save({ name: 'The Wend Valley Ledger', fromName: 'Wend Valley Ledger' })).toEqual({ ok: true, message: expect.stringContaining('saved') });
    const site = await getSite();
    expect(site.name).toBe('The Wend Valley Ledger');
    expect(site.newsletter.fromName).toBe('Wend Valley Ledger');
    expect(site.newsletter.fromAddress).toBe(file.newsletter.fromAddress);
    expect({ ...site, name: file.name, newsletter: file.newsletter }).toEqual(file);
    // Only what differs from the file is stored, so the rest follows the file.
    const [row] = await getDb().select().from(siteSettings);
    expect(row!.settings).toEqual({ name: 'The Wend Valley Ledger', fromName: 'Wend Valley Ledger' });
  });

  it('are checked with the site schema: a short name, a bad sender, a link off the site or not https are refused, nothing stored', async () => {
    const tooShort = await save({ name: 'X' });
    expect(tooShort).toMatchObject({ ok: false, fieldErrors: { name: [expect.any(String)] }, values: { name: 'X' } });
    expect(await save({ fromAddress: 'not an address' })).toMatchObject({ ok: false, fieldErrors: { fromAddress: [expect.any(String)] } });
    expect(await save({ 'nav.1.href': '//evil.example/' })).toMatchObject({ ok: false, fieldErrors: { 'nav.1.href': [expect.any(String)] } });
    expect(await save({ 'social.0.href': 'http://social.example/@ledger' })).toMatchObject({ ok: false, fieldErrors: { 'social.0.href': ['must be an https:// address'] } });
    expect(await save({ 'nav.2.label': '' })).toMatchObject({ ok: false, fieldErrors: { 'nav.2.label': [expect.any(String)] } });
    expect(await getDb().select().from(siteSettings)).toEqual([]);
  });

  it('are bounded in length, and the lists in size, adding a section included', async () => {
    const tooLong = { name: 101, shortName: 61, logoText: 61, description: 301, fromName: 79, 'nav.0.label': 61, 'social.0.label': 61 };
    for (const [field, length] of Object.entries(tooLong)) {
      expect(await save({ [field]: 'x'.repeat(length) })).toMatchObject({ ok: false, fieldErrors: { [field]: [expect.stringContaining('at most')] } });
    }
    const links = (count: number) =>
      Object.fromEntries(
        Array.from({ length: count }, (_, index) => [
          [`nav.${index}.label`, `Link ${index}`],
          [`nav.${index}.href`, `/page/${index + 2}`],
        ]).flat(),
      );
    expect(await save(links(13))).toMatchObject({ ok: false, fieldErrors: { nav: ['must have at most 12 links'] } });
    expect(await getDb().select().from(siteSettings)).toEqual([]);
    expect((await save(links(12))).ok).toBe(true);
    expect(await save({ addSection: 'culture' }, 'add-section')).toMatchObject({ ok: false, error: expect.stringContaining('12 links, the most') });
    expect((await getSite()).navigation).toHaveLength(12);
  });

  it('reorder, remove and add navigation links, and add a section from the quick choices', async () => {
    expect((await save({}, 'nav-down:0')).ok).toBe(true);
    expect((await getSite()).navigation.slice(0, 2).map((link) => link.label)).toEqual(['Business', 'Council']);
    expect((await save({}, 'nav-remove:5')).ok).toBe(true);
    expect((await getSite()).navigation.map((link) => link.label)).not.toContain('Archive');
    expect((await save({ addSection: 'culture' }, 'add-section')).ok).toBe(true);
    expect((await getSite()).navigation.at(-1)).toEqual({ label: 'Culture', href: '/category/culture' });
    expect((await save({ 'nav.9.label': 'Corrections', 'nav.9.href': '/corrections' })).ok).toBe(true);
    expect((await getSite()).navigation.at(-1)).toEqual({ label: 'Corrections', href: '/corrections' });
    expect(await save({ addSection: 'no-such-section' }, 'add-section')).toMatchObject({ ok: false });
  });

  it('refuse a save over a newer version, naming who saved it, and hand back what was typed', async () => {
    const stale = await form({ name: 'First Admin’s Ledger' });
    expect((await save({ name: 'Second Admin’s Ledger' }, 'save', other)).ok).toBe(true);
    const refused = await saveSettingsForm(stale, admin, file, categories);
    expect(refused).toMatchObject({ ok: false, error: expect.stringMatching(/changed by Otto Other at .* — reload/), values: { name: 'First Admin’s Ledger' } });
    expect((await getSite()).name).toBe('Second Admin’s Ledger');
    // Two saves of the same version at once: exactly one wins.
    const [a, b] = [await form({ name: 'Race A Ledger' }), await form({ name: 'Race B Ledger' })];
    const results = await Promise.all([saveSettingsForm(a, admin, file, categories), saveSettingsForm(b, other, file, categories)]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
  });

  it('reset one setting, keeping the others and what was typed, or all of them, to the file', async () => {
    expect((await save({ name: 'Renamed Ledger', description: 'A description long enough for the schema to take it.' })).ok).toBe(true);
    expect((await loadSettings(file)).overridden.sort()).toEqual(['description', 'name']);
    expect((await save({ shortName: 'Renamed' }, 'reset:name')).ok).toBe(true);
    const afterOne = await getSite();
    expect([afterOne.name, afterOne.shortName, afterOne.description]).toEqual([file.name, 'Renamed', 'A description long enough for the schema to take it.']);
    expect((await save({}, 'reset-all')).ok).toBe(true);
    expect(await getSite()).toEqual(file);
    expect((await loadSettings(file)).overridden).toEqual([]);
  });

  it('can turn the welcome email off, and a stored setting that is no longer valid is ignored rather than breaking pages', async () => {
    expect((await save({ welcomeSubject: '', welcomeBody: '' })).ok).toBe(true);
    expect((await getSite()).newsletter.welcome).toBeUndefined();
    await getDb()
      .update(siteSettings)
      .set({ settings: { name: 'Kept Ledger', navigation: [{ label: 'Bad', href: 'javascript:alert(1)' }] } });
    const site = await getSite();
    expect([site.name, site.navigation]).toEqual(['Kept Ledger', file.navigation]);
  });
});
