import 'server-only';

import { sql } from 'drizzle-orm';

import { getDb } from '../index';

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
