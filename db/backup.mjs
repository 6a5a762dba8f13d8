// Backups of the whole database: drafts and their revisions, uploaded pictures (stored in the images
// table), subscribers, sends, accounts and the job queue's tables.
// - PostgreSQL: pg_dump's custom format, restored with pg_restore. pg_dump speaks every server
//   version up to its own, so use the client of the server's major version or newer.
// - The embedded database (PGlite): a gzipped tar of its data folder (PGlite's own dumpDataDir),
//   taken while no other process has the folder open (see holdEmbedded).
// Backups hold password hashes, subscriber addresses and tokens: the folder is made 0700, each file
// 0600 (the script also sets a umask of 077, so nothing pg_dump writes is readable by others).
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import postgres from 'postgres';

import { embeddedExtensions, holdEmbedded } from './embedded.mjs';

/**
 * A file name that sorts by time: broadsheet-2026-12-01T17-12-03Z.dump
 * @param {'postgres' | 'embedded'} kind
 */
function fileName(kind, at = new Date()) {
  const stamp = at
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replaceAll(':', '-');
  return kind === 'postgres' ? `broadsheet-${stamp}.dump` : `broadsheet-embedded-${stamp}.tar.gz`;
}

/**
 * The URL without its password, and the password for PGPASSWORD: a password on a command line is
 * visible to every user of the machine.
 * @param {string} url
 */
function connection(url) {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { url: parsed.href, env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

/** @param {string} program @param {string[]} args @param {NodeJS.ProcessEnv} env */
function run(program, args, env) {
  return new Promise((resolve, reject) => {
    let errors = '';
    const child = spawn(program, args, { env, stdio: ['ignore', 'inherit', 'pipe'] });
    child.stderr.on('data', (chunk) => (errors += chunk.toString()));
    child.on('error', (error) =>
      reject(
        /** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT'
          ? new Error(`${program} was not found: install the PostgreSQL client (e.g. apt-get install postgresql-client).`)
          : error,
      ),
    );
    child.on('exit', (code) => (code === 0 ? resolve(undefined) : reject(new Error(`${program} failed (exit ${code}):\n${errors.trim()}`))));
  });
}

/**
 * Writes a backup of the PostgreSQL database at `url` into `dir`; returns the file.
 * @param {string} url @param {string} dir
 */
export async function backupPostgres(url, dir) {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, fileName('postgres'));
  const target = connection(url);
  await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, `--dbname=${target.url}`], target.env);
  chmodSync(file, 0o600);
  return file;
}

/**
 * Writes a backup of the embedded database in `dataDir` into `dir`; refuses while another process has it open.
 * @param {string} dataDir @param {string} dir
 */
export async function backupEmbedded(dataDir, dir) {
  if (!existsSync(dataDir)) throw new Error(`There is no embedded database in ${dataDir}.`);
  const release = await holdEmbedded(dataDir);
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const db = await PGlite.create(path.resolve(dataDir), { extensions: await embeddedExtensions() });
    try {
      const archive = await db.dumpDataDir('gzip');
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const file = path.join(dir, fileName('embedded'));
      writeFileSync(file, Buffer.from(await archive.arrayBuffer()), { mode: 0o600 });
      return file;
    } finally {
      await db.close();
    }
  } finally {
    await release();
  }
}

/** @param {string} url */
async function userTables(url) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql`select count(*)::int as count from pg_tables where schemaname not in ('pg_catalog', 'information_schema')`;
    return /** @type {number} */ (row?.count ?? 0);
  } finally {
    await sql.end();
  }
}

/**
 * Drops the app's schemas (its tables, drizzle's record of migrations, the job queue's) with
 * everything in them, in one transaction, and recreates an empty `public`. pg_restore's own --clean
 * would drop only what the dump holds: tables a newer version added would stay, and their foreign
 * keys would stop it dropping the tables they point to.
 * @param {string} url @param {string[]} schemas
 */
async function dropSchemas(url, schemas) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql.begin(async (tx) => {
      for (const schema of schemas) await tx`drop schema if exists ${tx(schema)} cascade`;
      await tx`create schema public`;
    });
  } finally {
    await sql.end();
  }
}

/**
 * Restores a pg_dump backup into the PostgreSQL database at `url`, which must exist. A database with
 * tables is refused unless `force`, which first drops the `public` and `drizzle` schemas and the job
 * queue's (`jobQueueSchema`) with everything in them.
 * @param {string} file @param {string} url @param {{ force?: boolean, jobQueueSchema?: string }} options
 */
export async function restorePostgres(file, url, { force = false, jobQueueSchema = 'pgboss' } = {}) {
  const tables = await userTables(url);
  if (tables > 0 && !force)
    throw new Error(`The database ${new URL(url).pathname.slice(1)} is not empty (${tables} tables). Restore into a new database, or add --force to replace it.`);
  if (tables > 0) await dropSchemas(url, ['public', 'drizzle', jobQueueSchema]);
  const target = connection(url);
  await run('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${target.url}`, file], target.env);
}

/**
 * Restores an embedded backup into the data folder `dataDir`, which must be missing or empty unless
 * `force`; refuses while another process has it open. The backup is loaded into a folder beside it
 * and read back first: only then does a replaced folder move aside, to `<dataDir>.before-restore-<time>`,
 * so a damaged backup leaves the database as it was.
 * @param {string} file @param {string} dataDir @param {{ force?: boolean }} options
 */
export async function restoreEmbedded(file, dataDir, { force = false } = {}) {
  const absolute = path.resolve(dataDir);
  const release = await holdEmbedded(absolute);
  const stamp = fileName('embedded').replace(/^broadsheet-embedded-|\.tar\.gz$/g, '');
  const loading = `${absolute}.restoring-${stamp}`;
  try {
    const occupied = existsSync(absolute) && readdirSync(absolute).length > 0;
    if (occupied && !force) throw new Error(`${dataDir} already holds a database. Restore into a new folder, or add --force to replace it.`);
    mkdirSync(path.dirname(absolute), { recursive: true, mode: 0o700 });
    try {
      const { PGlite } = await import('@electric-sql/pglite');
      const db = await PGlite.create(loading, { extensions: await embeddedExtensions(), loadDataDir: new Blob([await readFile(file)]) });
      try {
        await db.query('select count(*) from pg_tables');
      } finally {
        await db.close();
      }
    } catch (error) {
      rmSync(loading, { recursive: true, force: true });
      throw new Error(`${file} could not be loaded (${error instanceof Error ? error.message : String(error)}); ${dataDir} is unchanged.`);
    }
    if (occupied) renameSync(absolute, `${absolute}.before-restore-${stamp}`);
    else rmSync(absolute, { recursive: true, force: true });
    renameSync(loading, absolute);
  } finally {
    await release();
  }
}
