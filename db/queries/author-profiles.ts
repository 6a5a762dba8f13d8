import 'server-only';

import { and, asc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';

import { type Database, getDb } from '../index';
import { type AuthorKind, type AuthorLink, type AuthorProfile, authorProfiles } from '../schema';

// Bylines: every read and write of author_profiles. A profile may be linked to one account (whose
// Account page edits it); editors and admins manage the others (see lib/auth/roles.ts).

/** A bio's least length before a profile can be on a byline, here and in every profile form. */
export const BIO_MIN = 20;

export type ProfileFields = {
  slug: string | null;
  name: string;
  kind: AuthorKind;
  bio: string;
  pictureImageId: string | null;
  pictureAlt: string | null;
  links: AuthorLink[];
};

export type ProfileWriteResult =
  { ok: true; profile: AuthorProfile } | { ok: false; reason: 'slug-taken' | 'user-linked' | 'not-found' } | { ok: false; reason: 'conflict'; current: AuthorProfile };

function uniqueViolation(error: unknown): string | null {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    const pg = cause as { code?: unknown; constraint_name?: unknown; constraint?: unknown };
    if (pg.code === '23505') return String(pg.constraint_name ?? pg.constraint ?? '');
  }
  return null;
}

/** The unique constraints decide (two people claiming an address at once cannot both get it). */
function refusal(error: unknown): { ok: false; reason: 'slug-taken' | 'user-linked' } {
  const constraint = uniqueViolation(error);
  if (constraint === null) throw error;
  return { ok: false, reason: constraint.includes('user_id') ? 'user-linked' : 'slug-taken' };
}

/** Every profile, by name: for choosing a byline and for the profiles screen. */
export async function listAuthorProfiles(db: Database = getDb()): Promise<AuthorProfile[]> {
  return db.select().from(authorProfiles).orderBy(asc(authorProfiles.name), asc(authorProfiles.id));
}

/** Profiles with a public address: the ones readers can reach. */
export async function listPublicAuthorProfiles(db: Database = getDb()): Promise<AuthorProfile[]> {
  return db.select().from(authorProfiles).where(isNotNull(authorProfiles.slug)).orderBy(asc(authorProfiles.name));
}

/** The profiles of `ids`, in the order given (a byline's order); unknown ids are left out. */
export async function getAuthorProfilesByIds(ids: readonly string[], db: Database = getDb()): Promise<AuthorProfile[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const rows = await db.select().from(authorProfiles).where(inArray(authorProfiles.id, unique));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function getAuthorProfile(id: string): Promise<AuthorProfile | undefined> {
  const [row] = await getDb().select().from(authorProfiles).where(eq(authorProfiles.id, id));
  return row;
}

export async function getAuthorProfileBySlug(slug: string): Promise<AuthorProfile | undefined> {
  const [row] = await getDb().select().from(authorProfiles).where(eq(authorProfiles.slug, slug));
  return row;
}

/** The profile an account writes under, if it has one. */
export async function getProfileOfUser(userId: string): Promise<AuthorProfile | undefined> {
  const [row] = await getDb().select().from(authorProfiles).where(eq(authorProfiles.userId, userId));
  return row;
}

export async function createAuthorProfile(fields: ProfileFields & { userId?: string | null }, by: string): Promise<ProfileWriteResult> {
  try {
    const [profile] = await getDb()
      .insert(authorProfiles)
      .values({ ...fields, userId: fields.userId ?? null, updatedBy: by })
      .returning();
    return profile ? { ok: true, profile } : { ok: false, reason: 'not-found' };
  } catch (error) {
    return refusal(error);
  }
}

/** Saves over `baseVersion` only; a newer version comes back as the conflict, for the form to show. */
export async function updateAuthorProfile(id: string, baseVersion: number, fields: Partial<ProfileFields & { userId: string | null }>, by: string): Promise<ProfileWriteResult> {
  try {
    const [profile] = await getDb()
      .update(authorProfiles)
      .set({ ...fields, version: sql`${authorProfiles.version} + 1`, updatedAt: sql`now()`, updatedBy: by })
      .where(and(eq(authorProfiles.id, id), eq(authorProfiles.version, baseVersion)))
      .returning();
    if (profile) return { ok: true, profile };
  } catch (error) {
    return refusal(error);
  }
  const current = await getAuthorProfile(id);
  return current ? { ok: false, reason: 'conflict', current } : { ok: false, reason: 'not-found' };
}

/** Links the profile to an account ('user-linked' when that account already has another profile). */
export async function linkAuthorProfile(id: string, baseVersion: number, userId: string, by: string): Promise<ProfileWriteResult> {
  return updateAuthorProfile(id, baseVersion, { userId }, by);
}

export async function unlinkAuthorProfile(id: string, baseVersion: number, by: string): Promise<ProfileWriteResult> {
  return updateAuthorProfile(id, baseVersion, { userId: null }, by);
}

/**
 * Whether a profile at this address could be on a byline (the rule of missingFromProfile in
 * lib/content/profile-author.ts): its author page exists then, articles or not, like a file author's.
 */
export async function isCompleteProfileSlug(slug: string, db: Database = getDb()): Promise<boolean> {
  const rows = await db
    .select({ id: authorProfiles.id })
    .from(authorProfiles)
    .where(
      and(
        eq(authorProfiles.slug, slug),
        sql`char_length(btrim(${authorProfiles.bio})) >= ${BIO_MIN} and ${authorProfiles.pictureImageId} is not null and coalesce(btrim(${authorProfiles.pictureAlt}), '') <> ''`,
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/** Profiles no account writes under: the ones an admin may link. */
export async function listUnlinkedAuthorProfiles(): Promise<AuthorProfile[]> {
  return getDb().select().from(authorProfiles).where(isNull(authorProfiles.userId)).orderBy(asc(authorProfiles.name));
}
