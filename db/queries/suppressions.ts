import 'server-only';

import { desc, eq, ilike, sql } from 'drizzle-orm';

import { type Database, getDb } from '../index';
import { type EmailSuppression, emailSuppressions } from '../schema';

/** Stops every future newsletter to `email` (normalised); an existing suppression keeps its first reason. */
export async function suppressEmail(entry: { email: string; reason: EmailSuppression['reason']; detail: string; sendId?: string | null }, db: Database = getDb()): Promise<void> {
  await db
    .insert(emailSuppressions)
    .values({ email: entry.email, reason: entry.reason, detail: entry.detail.slice(0, 2000), sendId: entry.sendId ?? null })
    .onConflictDoNothing();
}

/** Lifts a suppression (an admin's decision); false when there was none. */
export async function liftSuppression(email: string, db: Database = getDb()): Promise<boolean> {
  const rows = await db.delete(emailSuppressions).where(eq(emailSuppressions.email, email)).returning({ email: emailSuppressions.email });
  return rows.length > 0;
}

export async function isSuppressed(email: string, db: Database = getDb()): Promise<boolean> {
  const rows = await db
    .select({ one: sql<number>`1` })
    .from(emailSuppressions)
    .where(eq(emailSuppressions.email, email));
  return rows.length > 0;
}

/** Newest first; `search` matches part of the address. */
export async function listSuppressions(
  { limit, offset, search }: { limit: number; offset: number; search?: string },
  db: Database = getDb(),
): Promise<{ rows: EmailSuppression[]; total: number }> {
  const escaped = search?.replace(/[\\%_]/g, (char) => `\\${char}`);
  const where = escaped ? ilike(emailSuppressions.email, `%${escaped}%`) : undefined;
  const [rows, [total]] = await Promise.all([
    db.select().from(emailSuppressions).where(where).orderBy(desc(emailSuppressions.createdAt)).limit(limit).offset(offset),
    db
      .select({ value: sql<number>`count(*)::int` })
      .from(emailSuppressions)
      .where(where),
  ]);
  return { rows, total: total?.value ?? 0 };
}
