import postgres from 'postgres';

import { runMigrations } from '../../db/migrate.mjs';

/**
 * Points this test file at a database of its own, migrated, so no other file's rows reach it (a
 * worker's start-up sweep would take every live send it finds). Call before any app module is
 * imported; `migrate` may leave it at an older step. The embedded database serves one database only:
 * there the file shares the run's.
 */
export async function openOwnDatabase(migrate: (url: string) => Promise<void> = runMigrations): Promise<{ drop: () => Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base || process.env.DATABASE_EMBEDDED) return { drop: async () => {} };
  // Named like the run's own databases, so a leftover one is dropped as stale by a later run.
  const name = `broadsheet_test_${Date.now()}_own_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`).finally(() => admin.end());
  const url = new URL(base);
  url.pathname = `/${name}`;
  await migrate(url.toString());
  process.env.DATABASE_URL = url.toString();
  return {
    drop: async () => {
      const cleanup = postgres(base, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists "${name}" with (force)`).finally(() => cleanup.end());
    },
  };
}
