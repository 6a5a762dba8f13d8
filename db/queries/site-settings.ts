import 'server-only';

import { and, eq, sql } from 'drizzle-orm';

import { getDb } from '../index';
import { siteSettings, users } from '../schema';

/** The stored settings row (unchecked: lib/site-settings checks it), or null before the first save. */
export type StoredSettings = { settings: Record<string, unknown>; version: number; updatedAt: Date; updatedBy: string | null };

export async function readSiteSettings(): Promise<StoredSettings | null> {
  const [row] = await getDb()
    .select({ settings: siteSettings.settings, version: siteSettings.version, updatedAt: siteSettings.updatedAt, updatedBy: users.name })
    .from(siteSettings)
    .leftJoin(users, eq(users.id, siteSettings.updatedBy))
    .where(eq(siteSettings.id, 1));
  return row ?? null;
}

/**
 * Stores the settings if they are still at `version` (0: never saved), in one statement, so of two
 * admins saving the same version exactly one wins. The new version, or null when someone saved first.
 */
export async function saveSiteSettings(settings: Record<string, unknown>, version: number, userId: string): Promise<number | null> {
  const db = getDb();
  const values = { settings, updatedBy: userId, updatedAt: sql`now()` };
  const [row] =
    version === 0
      ? await db
          .insert(siteSettings)
          .values({ id: 1, version: 1, ...values })
          .onConflictDoNothing()
          .returning({ version: siteSettings.version })
      : await db
          .update(siteSettings)
          .set({ ...values, version: sql`${siteSettings.version} + 1` })
          .where(and(eq(siteSettings.id, 1), eq(siteSettings.version, version)))
          .returning({ version: siteSettings.version });
  return row?.version ?? null;
}
