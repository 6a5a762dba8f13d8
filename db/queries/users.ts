import 'server-only';

import { asc, count, eq, sql } from 'drizzle-orm';

import { getDb } from '../index';
import { type Role, type User, users } from '../schema';

export type NewUser = { email: string; name: string; role: Role; passwordHash: string };
export type PublicUser = Omit<User, 'passwordHash'>;

const publicColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  active: users.active,
  sessionVersion: users.sessionVersion,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
};

export async function countUsers(): Promise<number> {
  const [row] = await getDb().select({ value: count() }).from(users);
  return row?.value ?? 0;
}

/** Creates the first admin, and only while no account exists (two setups at once: one wins). */
export async function createFirstAdmin(user: Omit<NewUser, 'role'>): Promise<PublicUser | null> {
  return getDb().transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(7340913)`);
    const [existing] = await tx.select({ value: count() }).from(users);
    if ((existing?.value ?? 0) > 0) return null;
    const [created] = await tx
      .insert(users)
      .values({ ...user, role: 'admin' })
      .returning(publicColumns);
    return created ?? null;
  });
}

/** Creates an account; null when the address already has one. */
export async function createUser(user: NewUser): Promise<PublicUser | null> {
  const [created] = await getDb().insert(users).values(user).onConflictDoNothing({ target: users.email }).returning(publicColumns);
  return created ?? null;
}

/** The full row, password hash included: only for verifying a password. */
export async function getUserForLogin(email: string): Promise<User | undefined> {
  const [row] = await getDb().select().from(users).where(eq(users.email, email));
  return row;
}

export async function getUserPasswordHash(id: string): Promise<string | undefined> {
  const [row] = await getDb().select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, id));
  return row?.passwordHash;
}

export async function getUser(id: string): Promise<PublicUser | undefined> {
  const [row] = await getDb().select(publicColumns).from(users).where(eq(users.id, id));
  return row;
}

export async function listUsers(): Promise<PublicUser[]> {
  return getDb().select(publicColumns).from(users).orderBy(asc(users.name));
}

export type UserChange = { role: Role } | { active: boolean };

/**
 * Changes a person's role or active state, refusing ('last-admin') any change that would leave the
 * newsroom without an active admin. Check and change run under one lock, so two admins demoting each
 * other at the same moment cannot both succeed. Deactivating also ends every session of the account.
 */
export async function changeUserKeepingAnAdmin(id: string, change: UserChange): Promise<PublicUser | 'last-admin' | undefined> {
  return getDb().transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(7340914)`);
    const [target] = await tx.select(publicColumns).from(users).where(eq(users.id, id));
    if (!target) return undefined;
    const losesAdmin = target.role === 'admin' && target.active && ('role' in change ? change.role !== 'admin' : !change.active);
    if (losesAdmin) {
      const [admins] = await tx
        .select({ value: count() })
        .from(users)
        .where(sql`${users.role} = 'admin' and ${users.active}`);
      if ((admins?.value ?? 0) <= 1) return 'last-admin';
    }
    const set =
      'role' in change
        ? { role: change.role, updatedAt: sql`now()` }
        : { active: change.active, updatedAt: sql`now()`, sessionVersion: change.active ? users.sessionVersion : sql`${users.sessionVersion} + 1` };
    const [updated] = await tx.update(users).set(set).where(eq(users.id, id)).returning(publicColumns);
    return updated;
  });
}

/** A new password ends the account's other sessions. */
export async function setUserPassword(id: string, passwordHash: string): Promise<PublicUser | undefined> {
  const [row] = await getDb()
    .update(users)
    .set({ passwordHash, updatedAt: sql`now()`, sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, id))
    .returning(publicColumns);
  return row;
}
