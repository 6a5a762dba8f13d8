import 'server-only';
import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { env } from '../lib/env.mjs';
import * as schema from './schema';

export type Database = PostgresJsDatabase<typeof schema>;

export class DatabaseUnavailableError extends Error {
  constructor() {
    super(
      'No database is configured. Set DATABASE_URL to a PostgreSQL server, or start the app with ' +
        '`npm run dev` / `npm start`, which serve the embedded database under .data/.',
    );
    this.name = 'DatabaseUnavailableError';
  }
}

let instance: { db: Database; sql: postgres.Sql } | undefined;

/** The one database client of this process, created on first use so builds never need a database. */
export function getDb(): Database {
  if (!instance) {
    if (!env.DATABASE_URL) throw new DatabaseUnavailableError();
    const sql = postgres(env.DATABASE_URL, {
      // The embedded server runs one session at a time; a single connection keeps statements of
      // concurrent requests from interleaving inside it.
      max: env.DATABASE_EMBEDDED ? 1 : 10,
      onnotice: () => {},
    });
    instance = { sql, db: drizzle(sql, { schema }) };
  }
  return instance.db;
}

export async function closeDb(): Promise<void> {
  await instance?.sql.end();
  instance = undefined;
}
