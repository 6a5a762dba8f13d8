import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';

import type { DraftContent } from '@/db/schema';

import { openEmbedded } from '../db/embedded.mjs';
import { runMigrations } from '../db/migrate.mjs';
import { openOwnDatabase } from './helpers/own-database';

// A database of this file's own at the step before bylines (0012), holding an account with a public
// profile and its draft as they were stored then; migration 0013 moves the profile to author_profiles.
const embedded = !!process.env.DATABASE_EMBEDDED;
const older = mkdtempSync(path.join(tmpdir(), 'broadsheet-bylines-'));
cpSync(path.resolve('db/migrations'), older, { recursive: true });
const journalFile = path.join(older, 'meta', '_journal.json');
const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.filter((entry) => entry.tag < '0013') }));
const migrateOlder = async (url: string) => {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  await migrate(drizzle(sql), { migrationsFolder: older }).finally(() => sql.end());
};
// The embedded database serves one database only, so there this file opens a PGlite of its own.
async function openOlder(): Promise<{ drop: () => Promise<void> }> {
  if (!embedded) return openOwnDatabase(migrateOlder);
  const own = await openEmbedded(path.join(older, 'pglite'));
  await migrateOlder(own.url);
  process.env.DATABASE_URL = own.url;
  return { drop: () => own.close() };
}
const database = await openOlder();
const { closeDb } = await import('@/db');
const { draftToArticle } = await import('@/lib/content/draft-article');

afterAll(async () => {
  await closeDb();
  await database.drop();
  rmSync(older, { recursive: true, force: true });
});

describe('migration 0013', () => {
  it('moves an account’s public profile to author_profiles, and its published draft still shows with it', async () => {
    const sql = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    try {
      const [user] = await sql`insert into users (email, name, role, password_hash) values ('wren@newsroom.example', 'Wren Writer', 'contributor', 'x') returning id`;
      const [image] = await sql`insert into images (sha256, content_type, width, height, byte_size, data, uploaded_by)
        values ('migration-test', 'image/png', 1200, 800, 4, ${Buffer.from('test')}, ${user!.id}) returning id`;
      await sql`update users set profile_slug = 'wren-writer', bio = 'Wren writes about the harbour and its boats.', picture_image_id = ${image!.id},
        picture_alt = 'Wren on the harbour wall' where id = ${user!.id}`;
      const content = {
        ...{ title: 'Boats return', slug: 'boats-return', standfirst: 'The fishing fleet came back to the harbour today.', category: 'business', tags: [] },
        ...{ authorId: user!.id, heroImageId: image!.id, heroAlt: 'Boats moored in the harbour', heroCredit: '', body: 'Words.', featured: false },
      };
      const [draft] = await sql`insert into drafts (slug, title, category, author_id, created_by, updated_by)
        values ('boats-return', 'Boats return', 'business', ${user!.id}, ${user!.id}, ${user!.id}) returning id`;
      await sql`insert into draft_revisions (draft_id, version, content, summary, saved_by) values (${draft!.id}, 1, ${sql.json(content)}, 'Saved', ${user!.id})`;

      // The harder cases: a profile without drafts; a writer without a profile (on a draft and a
      // revision); a revision that names no author; a search row.
      const [idle, plain] = await sql`insert into users (email, name, role, password_hash, profile_slug, bio)
        values ('idle@newsroom.example', 'Ida Idle', 'editor', 'x', 'ida-idle', 'Ida edits the weekend pages.'),
               ('plain@newsroom.example', 'Pat Plain', 'editor', 'x', null, null) returning id`;
      const [plainDraft] = await sql`insert into drafts (slug, title, category, author_id, created_by, updated_by)
        values ('pat-notes', 'Notes', 'business', ${plain!.id}, ${plain!.id}, ${plain!.id}) returning id`;
      await sql`insert into draft_revisions (draft_id, version, content, summary, saved_by) values
        (${plainDraft!.id}, 1, ${sql.json({ ...content, slug: 'pat-notes', authorId: plain!.id })}, 'Saved', ${plain!.id}),
        (${plainDraft!.id}, 2, ${sql.json({ title: 'Notes' })}, 'Saved', ${plain!.id})`;
      await sql`insert into search_documents (id, source, slug, title, standfirst, body, keywords, section, author_slug, author_name, published, hash, config)
        values ('draft/x', 'newsroom', 'boats-return', 'Boats return', '', 'Words.', '', 'business', 'wren-writer', 'Wren Writer', now(), 'h', 'english')`;

      await runMigrations(process.env.DATABASE_URL!);

      const profiles = await sql`select slug, name, kind, bio, user_id from author_profiles where user_id in ${sql([idle!.id, plain!.id])} order by name`;
      expect(profiles).toEqual([
        { slug: 'ida-idle', name: 'Ida Idle', kind: 'staff', bio: 'Ida edits the weekend pages.', user_id: idle!.id },
        { slug: null, name: 'Pat Plain', kind: 'staff', bio: '', user_id: plain!.id },
      ]);
      const [patProfile] = await sql`select id from author_profiles where user_id = ${plain!.id}`;
      expect(await sql`select author_ids from drafts where id = ${plainDraft!.id}`).toEqual([{ author_ids: [patProfile!.id] }]);
      const patRevisions = await sql<{ content: Record<string, unknown> }[]>`select content from draft_revisions where draft_id = ${plainDraft!.id} order by version`;
      expect(patRevisions.map((row) => row.content)).toEqual([expect.objectContaining({ authorIds: [patProfile!.id], credit: '' }), { title: 'Notes' }]);
      expect(await sql`select author_slugs, byline from search_documents`).toEqual([{ author_slugs: ['wren-writer'], byline: 'Wren Writer' }]);

      const [profile] = await sql`select id, slug, name, kind, user_id from author_profiles where user_id = ${user!.id}`;
      expect(profile).toMatchObject({ slug: 'wren-writer', name: 'Wren Writer', kind: 'contributor', user_id: user!.id });
      expect(await sql`select author_ids, credit from drafts where id = ${draft!.id}`).toEqual([{ author_ids: [profile!.id], credit: '' }]);
      const [revision] = await sql<{ content: Record<string, unknown> }[]>`select content from draft_revisions where draft_id = ${draft!.id}`;
      expect(revision!.content).toMatchObject({ authorIds: [profile!.id], credit: '' });
      expect(revision!.content).not.toHaveProperty('authorId');

      const category = { slug: 'business', name: 'Business', description: 'Shops and employers.' };
      const article = await draftToArticle({ id: draft!.id, content: revision!.content as DraftContent, publishedAt: new Date() }, [category]);
      expect(article).toMatchObject({ ok: true, article: { authors: [{ slug: 'wren-writer', name: 'Wren Writer', kind: 'contributor', role: 'Contributor' }] } });
    } finally {
      await sql.end();
    }
  });
});
