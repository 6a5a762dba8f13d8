// A throwaway database for one test run, so runs never see each other's rows: a new database on
// the PostgreSQL in DATABASE_URL, or, without it, an embedded one in a temporary folder served by
// this process. Migrations are applied before it is handed out.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import postgres from 'postgres';

import { openEmbedded } from '../db/embedded.mjs';
import { runMigrations } from '../db/migrate.mjs';
import { env } from '../lib/env.mjs';

const STALE_AFTER_MS = 3 * 3600_000;

/** @param {postgres.Sql} admin @param {string} prefix */
async function dropStale(admin, prefix) {
  const rows = await admin`select datname from pg_database where datname like ${`broadsheet_${prefix}_%`}`;
  for (const { datname } of rows) {
    const created = Number(datname.split('_')[2]);
    if (Number.isFinite(created) && Date.now() - created > STALE_AFTER_MS) {
      await admin.unsafe(`drop database if exists "${datname}" with (force)`).catch(() => {});
    }
  }
}

/**
 * Returns { url, embedded, drop }.
 * @param {string} prefix
 */
export async function createTestDatabase(prefix) {
  const base = env.DATABASE_URL;
  if (!base) {
    const dir = mkdtempSync(path.join(tmpdir(), `broadsheet-${prefix}-`));
    const database = await openEmbedded(path.join(dir, 'pglite'));
    await runMigrations(database.url);
    return {
      url: database.url,
      embedded: true,
      drop: async () => {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `broadsheet_${prefix}_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  try {
    await dropStale(admin, prefix);
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  await runMigrations(url.toString());
  return {
    url: url.toString(),
    embedded: false,
    drop: async () => {
      const cleanup = postgres(base, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists "${name}" with (force)`).finally(() => cleanup.end());
    },
  };
}
