import 'server-only';

import { and, asc, eq, isNull } from 'drizzle-orm';

import { getDb } from '../index';
import { type AuthorProfile, authorProfiles, users } from '../schema';

// The accounts beside author profiles, for the newsroom's Authors pages (lib/profile/manage-profile.ts
// decides who may change them).

export type LinkedAccount = { id: string; name: string; email: string };

/** Every profile, by name, with the account it is linked to (null for guests, partners, agencies). */
export async function listProfilesWithAccounts(): Promise<{ profile: AuthorProfile; account: LinkedAccount | null }[]> {
  const rows = await getDb()
    .select({ profile: authorProfiles, accountId: users.id, accountName: users.name, accountEmail: users.email })
    .from(authorProfiles)
    .leftJoin(users, eq(users.id, authorProfiles.userId))
    .orderBy(asc(authorProfiles.name), asc(authorProfiles.id));
  return rows.map(({ profile, accountId, accountName, accountEmail }) => ({
    profile,
    account: accountId && accountName && accountEmail ? { id: accountId, name: accountName, email: accountEmail } : null,
  }));
}

/** Active accounts that have no profile yet: the ones a profile may be linked to. */
export async function listAccountsWithoutProfile(): Promise<LinkedAccount[]> {
  return getDb()
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .leftJoin(authorProfiles, eq(authorProfiles.userId, users.id))
    .where(and(isNull(authorProfiles.id), eq(users.active, true)))
    .orderBy(asc(users.name), asc(users.email));
}
