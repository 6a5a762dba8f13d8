import { randomUUID } from 'node:crypto';

import { afterAll, describe, expect, it } from 'vitest';

import { closeDb, getDb } from '@/db';
import { changeUserKeepingAnAdmin, createUser } from '@/db/queries/users';
import { users } from '@/db/schema';

afterAll(closeDb);

async function admins(count: number) {
  // Start from a newsroom whose only active admins are the ones made here.
  await getDb().update(users).set({ active: false });
  return Promise.all(
    Array.from({ length: count }, async (_, index) => {
      const user = await createUser({ email: `admin-${index}-${randomUUID()}@newsroom.example`, name: `Admin ${index}`, role: 'admin', passwordHash: 'x' });
      return user!;
    }),
  );
}

describe('keeping an admin', () => {
  it('refuses to demote or deactivate the last active admin', async () => {
    const [only] = await admins(1);
    expect(await changeUserKeepingAnAdmin(only!.id, { role: 'editor' })).toBe('last-admin');
    expect(await changeUserKeepingAnAdmin(only!.id, { active: false })).toBe('last-admin');
    expect(await changeUserKeepingAnAdmin(randomUUID(), { active: false })).toBeUndefined();
  });

  it('lets only one of two admins demoting each other at the same moment succeed', async () => {
    const [first, second] = await admins(2);
    const results = await Promise.all([changeUserKeepingAnAdmin(first!.id, { role: 'editor' }), changeUserKeepingAnAdmin(second!.id, { active: false })]);
    expect(results.filter((result) => result === 'last-admin')).toHaveLength(1);
  });

  it('ends the sessions of a deactivated account', async () => {
    const [, other] = await admins(2);
    const before = other!.sessionVersion;
    const after = await changeUserKeepingAnAdmin(other!.id, { active: false });
    expect(after !== 'last-admin' && after?.sessionVersion).toBe(before + 1);
  });
});
