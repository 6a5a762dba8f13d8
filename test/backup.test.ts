import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';

import { openEmbedded } from '../db/embedded.mjs';
import { runMigrations } from '../db/migrate.mjs';
import { openOwnDatabase } from './helpers/own-database';

// `npm run db:backup` and `npm run db:restore` as an operator runs them, on a database of this file's
// own filled through the app's fixtures, restored into a fresh one that must hold all of it.
const onPostgres = !process.env.DATABASE_EMBEDDED;
const server = process.env.DATABASE_URL!;
const database = await openOwnDatabase();
const source = process.env.DATABASE_URL!;
const { closeDb } = await import('@/db');
const { saveImage } = await import('@/db/queries/images');
const { seedDraft } = await import('./helpers/drafts');
const { seedSubscribers } = await import('./helpers/newsletter-send');

const work = mkdtempSync(path.join(tmpdir(), 'broadsheet-backup-'));
const fresh: string[] = [];

afterAll(async () => {
  await closeDb();
  await database.drop();
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  for (const name of fresh) await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.end();
  rmSync(work, { recursive: true, force: true });
});

const execute = promisify(execFile);
/** Only the owner may read a backup or list the folder: they hold password hashes, addresses and tokens. */
function expectOwnerOnly(dir: string, file: string) {
  expect((statSync(dir).mode & 0o777).toString(8)).toBe('700');
  expect((statSync(path.join(dir, file)).mode & 0o777).toString(8)).toBe('600');
}

/** The script, with the app's settings or, given `embeddedDir`, the embedded database there; its exit code and output. */
async function script(args: string[], embeddedDir?: string) {
  const { DATABASE_URL, DATABASE_EMBEDDED, ...rest } = process.env;
  const env = embeddedDir ? { ...rest, EMBEDDED_DB_DIR: embeddedDir } : { ...rest, DATABASE_URL, ...(DATABASE_EMBEDDED ? { DATABASE_EMBEDDED } : {}) };
  const result = await execute(process.execPath, ['scripts/db-backup.mjs', ...args], { env }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
  return result;
}

/** Everything the newsroom would miss, read the same way from either database. */
async function contents(url: string, draftIds: string[], emails: string[]) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const draftRows = await sql`select id, slug, title, body, version from drafts where id in ${sql(draftIds)} order by id`;
    const revisions = await sql`select draft_id, version, content from draft_revisions where draft_id in ${sql(draftIds)} order by draft_id, version`;
    const pictures = await sql`select id, sha256, data from images where id in (select hero_image_id from drafts where id in ${sql(draftIds)}) order by id`;
    const people = await sql`select email, status from subscribers where email in ${sql(emails)} order by email`;
    return { draftRows, revisions, pictures, people };
  } finally {
    await sql.end();
  }
}

describe.skipIf(!onPostgres)('a PostgreSQL backup', () => {
  it('restores into a fresh database with every draft, revision, picture (byte for byte) and subscriber', async () => {
    const drafts = [await seedDraft(), await seedDraft({ body: 'Another **story**.' })];
    const author = drafts[0]!.writerId;
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 37) % 256));
    const upload = await saveImage(
      { sha256: 'backup-test-picture', contentType: 'image/png', width: 640, height: 480, byteSize: bytes.length, data: bytes, uploadedBy: author },
      { bytes: 0, windowSeconds: 86_400 },
    );
    expect(upload.ok).toBe(true);
    const people = await seedSubscribers(25);
    const before = await contents(
      source,
      drafts.map((draft) => draft.id),
      people.map((person) => person.email),
    );
    expect(before.draftRows).toHaveLength(2);
    expect(before.pictures).toHaveLength(2);

    const backup = await script(['backup', path.join(work, 'pg')]);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    const [file] = readdirSync(path.join(work, 'pg'));
    expect(file).toMatch(/^broadsheet-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.dump$/);
    expectOwnerOnly(path.join(work, 'pg'), file!);

    const name = `broadsheet_test_${Date.now()}_restored`;
    fresh.push(name);
    const admin = postgres(source, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`).finally(() => admin.end());
    const target = Object.assign(new URL(source), { pathname: `/${name}` }).href;
    const restore = await script(['restore', path.join(work, 'pg', file!), '--into', target]);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);

    const after = await contents(
      target,
      drafts.map((draft) => draft.id),
      people.map((person) => person.email),
    );
    expect(after).toEqual(before);
    const restored = postgres(target, { max: 1, onnotice: () => {} });
    const [picture] = await restored`select data from images where sha256 = 'backup-test-picture'`.finally(() => restored.end());
    expect(Buffer.compare(picture!.data as Buffer, bytes)).toBe(0);
    // The restored database is current: the app starts on it without migrating anything.
    await runMigrations(target);

    // A database with tables is refused, and replaced only when asked to.
    const again = await script(['restore', path.join(work, 'pg', file!), '--into', target]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/is not empty .*--force/);
    const forced = await script(['restore', path.join(work, 'pg', file!), '--into', target, '--force']);
    expect(forced.code).toBe(0);
    expect(
      await contents(
        target,
        drafts.map((draft) => draft.id),
        people.map((person) => person.email),
      ),
    ).toEqual(before);

    // Rolling back over a newer version: a table the backup does not know, with a foreign key to one
    // it holds, neither stops the restore nor survives it.
    const newer = postgres(target, { max: 1, onnotice: () => {} });
    await newer`create table newer_notes (id serial primary key, draft_id uuid not null references drafts (id))`;
    await newer`insert into newer_notes (draft_id) values (${drafts[0]!.id})`;
    await newer.end();
    const rolledBack = await script(['restore', path.join(work, 'pg', file!), '--into', target, '--force']);
    expect(rolledBack.stderr).toBe('');
    expect(rolledBack.code).toBe(0);
    const check = postgres(target, { max: 1, onnotice: () => {} });
    const [left] = await check`select to_regclass('public.newer_notes') as name`.finally(() => check.end());
    expect(left!.name).toBeNull();
    expect(
      await contents(
        target,
        drafts.map((draft) => draft.id),
        people.map((person) => person.email),
      ),
    ).toEqual(before);
  });
});

describe('an embedded backup', () => {
  // Each step opens a PGlite of its own (WebAssembly, several seconds on a busy machine).
  it('restores into a new data folder with every row and picture, and is refused while the app has the folder open', { timeout: 240_000 }, async () => {
    const dataDir = path.join(work, 'embedded', 'pglite');
    const served = await openEmbedded(dataDir);
    const bytes = Buffer.from(Array.from({ length: 2048 }, (_, index) => (index * 11) % 256));
    try {
      await runMigrations(served.url);
      const sql = postgres(served.url, { max: 1, onnotice: () => {} });
      await sql`insert into users (email, name, role, password_hash) values ('ed@newsroom.example', 'Ed', 'editor', 'x')`;
      await sql`insert into images (sha256, content_type, width, height, byte_size, data) values ('embedded-picture', 'image/png', 10, 10, ${bytes.length}, ${bytes})`;
      await sql`insert into subscribers (email, status) values ('reader@example.org', 'confirmed')`;
      await sql.end();
      // The app (here: this process) serves it: a backup would read files another process is changing.
      const refused = await script(['backup', path.join(work, 'embedded-backups')], dataDir);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/is in use by process \d+ .*stop it first/);
    } finally {
      await served.close();
    }

    const backup = await script(['backup', path.join(work, 'embedded-backups')], dataDir);
    expect(backup.code).toBe(0);
    const [file] = readdirSync(path.join(work, 'embedded-backups'));
    expect(file).toMatch(/^broadsheet-embedded-.*\.tar\.gz$/);
    expectOwnerOnly(path.join(work, 'embedded-backups'), file!);

    const restoredDir = path.join(work, 'restored', 'pglite');
    const restore = await script(['restore', path.join(work, 'embedded-backups', file!), '--into', restoredDir]);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    const again = await script(['restore', path.join(work, 'embedded-backups', file!), '--into', restoredDir]);
    expect(again.stderr).toMatch(/already holds a database.*--force/);

    const restored = await openEmbedded(restoredDir);
    try {
      const sql = postgres(restored.url, { max: 1, onnotice: () => {} });
      const [picture] = await sql`select data from images where sha256 = 'embedded-picture'`;
      expect(Buffer.compare(picture!.data as Buffer, bytes)).toBe(0);
      expect(await sql`select email from subscribers`).toEqual([{ email: 'reader@example.org' }]);
      expect(await sql`select email from users`).toEqual([{ email: 'ed@newsroom.example' }]);
      await sql.end();
    } finally {
      await restored.close();
    }

    // A damaged backup, even with --force, leaves the database as it was and no half-loaded folder.
    const damaged = path.join(work, 'damaged.tar.gz');
    writeFileSync(damaged, 'not a backup');
    const refused = await script(['restore', damaged, '--into', restoredDir, '--force']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/could not be loaded.*is unchanged/);
    expect(readdirSync(path.dirname(restoredDir))).toEqual(['pglite']);
    const intact = await openEmbedded(restoredDir);
    try {
      const sql = postgres(intact.url, { max: 1, onnotice: () => {} });
      expect(await sql`select email from subscribers`).toEqual([{ email: 'reader@example.org' }]);
      await sql.end();
    } finally {
      await intact.close();
    }

    // A good one with --force replaces it, and the replaced folder is kept aside.
    const replaced = await script(['restore', path.join(work, 'embedded-backups', file!), '--into', restoredDir, '--force']);
    expect(replaced.stderr).toBe('');
    expect(replaced.code).toBe(0);
    expect(readdirSync(path.dirname(restoredDir)).sort()).toEqual(['pglite', expect.stringMatching(/^pglite\.before-restore-/)]);
  });
});
