'use server';

import { changeUserKeepingAnAdmin, createUser } from '@/db/queries/users';
import { editorAction } from '@/lib/actions/editor-action';
import { hashPassword } from '@/lib/auth/password';
import { changeRoleSchema, createPersonSchema, userIdSchema } from '@/lib/auth/schema';
import { refreshPage } from '@/lib/cache/refresh';

export const createPersonAction = editorAction('people:manage', createPersonSchema, async ({ name, email, role, password }) => {
  const created = await createUser({ name, email, role, passwordHash: await hashPassword(password) });
  if (!created) return { ok: false, error: `${email} already has an account.`, fieldErrors: { email: ['Already has an account.'] } };
  refreshPage();
  return { ok: true, message: `Account created for ${name}. Give them their password in person or by a secure channel.` };
});

const LAST_ADMIN = 'The newsroom needs at least one active admin.';

export const changeRoleAction = editorAction('people:manage', changeRoleSchema, async ({ userId, role }) => {
  const user = await changeUserKeepingAnAdmin(userId, { role });
  if (user === 'last-admin') return { ok: false, error: LAST_ADMIN };
  if (!user) return { ok: false, error: 'Unknown person.' };
  refreshPage();
  return { ok: true, message: `${user.name} is now ${role === 'admin' ? 'an' : 'a'} ${role}.` };
});

export const deactivateAction = editorAction('people:manage', userIdSchema, async ({ userId }) => {
  const user = await changeUserKeepingAnAdmin(userId, { active: false });
  if (user === 'last-admin') return { ok: false, error: LAST_ADMIN };
  if (!user) return { ok: false, error: 'Unknown person.' };
  refreshPage();
  return { ok: true, message: `${user.name} is deactivated and signed out everywhere.` };
});

export const reactivateAction = editorAction('people:manage', userIdSchema, async ({ userId }) => {
  const user = await changeUserKeepingAnAdmin(userId, { active: true });
  if (user === 'last-admin' || !user) return { ok: false, error: 'Unknown person.' };
  refreshPage();
  return { ok: true, message: `${user.name} can sign in again.` };
});
