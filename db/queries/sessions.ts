import 'server-only';

import { and, eq, gt, lt, sql } from 'drizzle-orm';

import { getDb } from '../index';
import { revokedSessions } from '../schema';

/**
 * Ends one session (one sign-in on one device) however long its cookie would still be valid, and
 * forgets sessions whose cookies have expired anyway, so the list stays as short as the sign-outs
 * of the last few hours.
 */
export async function revokeSession(sessionId: string, expiresAt: Date): Promise<void> {
  const db = getDb();
  await db.insert(revokedSessions).values({ sessionId, expiresAt }).onConflictDoNothing();
  await db.delete(revokedSessions).where(lt(revokedSessions.expiresAt, sql`now()`));
}

export async function isSessionRevoked(sessionId: string): Promise<boolean> {
  const [row] = await getDb()
    .select({ sessionId: revokedSessions.sessionId })
    .from(revokedSessions)
    .where(and(eq(revokedSessions.sessionId, sessionId), gt(revokedSessions.expiresAt, sql`now()`)));
  return row !== undefined;
}
