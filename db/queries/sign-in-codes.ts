import 'server-only';

import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';

import { getDb } from '../index';
import { signInCodes } from '../schema';

export type NewSignInCode = { challengeHash: string; linkHash: string; codeHash: string; email: string; expiresAt: Date };

export async function createSignInCode(code: NewSignInCode): Promise<void> {
  const db = getDb();
  await db.insert(signInCodes).values(code);
  await db.delete(signInCodes).where(lt(signInCodes.expiresAt, sql`now()`));
}

const live = and(isNull(signInCodes.usedAt), gt(signInCodes.expiresAt, sql`now()`));

/**
 * Tries a typed code against the challenge of the browser that asked for it, in one statement: each
 * try is counted, the row is used up by the right code, and after `maxAttempts` tries it is dead.
 * Returns the address the code was for, or null.
 */
export async function spendSignInCode(challengeHash: string, codeHash: string, maxAttempts: number): Promise<string | null> {
  const [row] = await getDb()
    .update(signInCodes)
    .set({
      attempts: sql`${signInCodes.attempts} + 1`,
      usedAt: sql`case when ${signInCodes.codeHash} = ${codeHash} then now() end`,
    })
    .where(and(eq(signInCodes.challengeHash, challengeHash), live, lt(signInCodes.attempts, maxAttempts)))
    .returning({ email: signInCodes.email, usedAt: signInCodes.usedAt });
  return row?.usedAt ? row.email : null;
}

/** Uses up the row of an emailed link; the address it was for, or null when used, expired or unknown. */
export async function spendSignInLink(linkHash: string): Promise<string | null> {
  const [row] = await getDb()
    .update(signInCodes)
    .set({ usedAt: sql`now()` })
    .where(and(eq(signInCodes.linkHash, linkHash), live))
    .returning({ email: signInCodes.email });
  return row?.email ?? null;
}
