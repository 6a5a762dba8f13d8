// Applies the committed migrations in db/migrations. Plain JavaScript, so `npm start`, the
// instrumentation hook and scripts can all run it without a TypeScript loader.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';

// Resolved from the working directory (the project root), not from this file: when Next.js bundles
// this module its own location is somewhere under .next/.
const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');
// Any constant works; it only has to be the same in every process that migrates this database.
const MIGRATION_LOCK = 7_340_912;

/**
 * Applies pending migrations; an advisory lock makes concurrent starts of several servers safe.
 * @param {string} url
 */
export async function runMigrations(url) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK})`;
    try {
      await migrate(drizzle(sql), { migrationsFolder });
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`;
    }
  } finally {
    await sql.end();
  }
}

/**
 * When the newest committed migration was written: its `when` in the journal, which is what drizzle
 * records as `created_at` once it has applied it (and what it compares to decide what is pending).
 */
export function latestMigrationTime() {
  const journal = /** @type {{ entries: { when: number }[] }} */ (JSON.parse(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')));
  return Math.max(...journal.entries.map((entry) => entry.when));
}
