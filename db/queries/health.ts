import 'server-only';

import { sql } from 'drizzle-orm';

import { getDb, isDatabaseUnreachable } from '../index';

/**
 * Whether the database answers a trivial query within `timeoutMs`. A server that refuses connections
 * answers at once; one that is unreachable would otherwise hold the request for the driver's 30 s.
 */
export async function databaseAnswers(timeoutMs = 3000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([
      getDb()
        .execute(sql`select 1`)
        .then(() => true),
      timeout,
    ]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** The database's side of the health check: unreachable, or how far its migrations have got. */
export type MigrationState = { reachable: false } | { reachable: true; latest: number | null };

/**
 * When the newest migration applied to the database was written (drizzle records each one's journal
 * time in `drizzle.__drizzle_migrations`, see db/migrate.mjs), in one cheap query that also proves the
 * database answers within `timeoutMs`. A database never migrated has no such table: `latest: null`.
 */
export async function migrationState(timeoutMs = 2000): Promise<MigrationState> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<MigrationState>((resolve) => {
    timer = setTimeout(() => resolve({ reachable: false }), timeoutMs);
  });
  const query = async (): Promise<MigrationState> => {
    const rows = await getDb().execute<{ latest: string | null }>(sql`select max(created_at)::text as latest from drizzle.__drizzle_migrations`);
    const latest = rows[0]?.latest;
    return { reachable: true, latest: latest == null ? null : Number(latest) };
  };
  try {
    return await Promise.race([query(), timeout]);
  } catch (error) {
    if (isDatabaseUnreachable(error)) return { reachable: false };
    // 42P01: no such table, a database never migrated.
    if (hasCode(error, '42P01')) return { reachable: true, latest: null };
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

function hasCode(error: unknown, code: string): boolean {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; cause = cause.cause, depth++) {
    if ((cause as { code?: unknown }).code === code) return true;
  }
  return false;
}
