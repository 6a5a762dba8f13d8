import 'server-only';

import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';

import { env } from '../lib/env.mjs';
import * as schema from './schema';

export type Database = PostgresJsDatabase<typeof schema>;

export class DatabaseUnavailableError extends Error {
  constructor() {
    super(
      'No database is configured. Set DATABASE_URL to a PostgreSQL server, or start the app with ' + '`npm run dev` / `npm start`, which serve the embedded database under .data/.',
    );
    this.name = 'DatabaseUnavailableError';
  }
}

// Errors that mean the server could not be reached or would not take the connection (SQLSTATE class
// 08, shutdown, "cannot connect now"), as opposed to a query that failed.
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  '57P01',
  '57P02',
  '57P03',
]);

/**
 * "database … is not currently accepting connections" (ALLOW_CONNECTIONS false) is 55000, a code
 * queries also raise (currval before nextval, for one): only the FATAL one, refusing the connection,
 * means unreachable.
 */
function isRefusedConnection(cause: { code?: unknown; severity?: unknown }): boolean {
  return cause.code === '55000' && cause.severity === 'FATAL';
}

/** Whether `error` (or what it wraps: drizzle wraps the driver's errors) says the database cannot be reached. */
export function isDatabaseUnreachable(error: unknown): boolean {
  // Not only Errors: pg-boss reports some as plain objects copied from one (code included).
  for (let cause = error, depth = 0; typeof cause === 'object' && cause !== null && depth < 5; cause = (cause as { cause?: unknown }).cause, depth++) {
    if (cause instanceof DatabaseUnavailableError) return true;
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && (UNREACHABLE_CODES.has(code) || code.startsWith('08'))) return true;
    if (isRefusedConnection(cause as { code?: unknown; severity?: unknown })) return true;
  }
  return false;
}

let instance: { db: Database; sql: postgres.Sql } | undefined;

// Every client this process opens, whichever bundle of this module opened it (so on globalThis):
// a stopping server closes them all, rather than leaving PostgreSQL to notice dropped sockets.
const CLIENTS = Symbol.for('broadsheet.db.clients');
const clients = ((globalThis as { [CLIENTS]?: Set<postgres.Sql> })[CLIENTS] ??= new Set());

/** Opens a client that closeAllDb will close. */
export function openClient(url: string, options: postgres.Options<Record<string, never>>): postgres.Sql {
  const sql = postgres(url, options);
  clients.add(sql);
  return sql;
}

/** The one database client of this process, created on first use so builds never need a database. */
export function getDb(): Database {
  if (!instance) {
    if (!env.DATABASE_URL) throw new DatabaseUnavailableError();
    const sql = openClient(env.DATABASE_URL, {
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
  if (instance) clients.delete(instance.sql);
  await instance?.sql.end();
  instance = undefined;
}

/** Closes every client of this process, giving running queries `timeoutSeconds` to finish. */
export async function closeAllDb(timeoutSeconds = 5): Promise<void> {
  const open = [...clients];
  clients.clear();
  instance = undefined;
  await Promise.all(open.map((sql) => sql.end({ timeout: timeoutSeconds })));
}
