'use server';

import { revalidatePath } from 'next/cache';
import { countActiveAdmins, createUser, getUser, setUserActive, setUserRole } from '@/db/queries/users';
import { editorAction } from '@/lib/actions/editor-action';
import { hashPassword } from '@/lib/auth/password';
import { changeRoleSchema, createPersonSchema, userIdSchema } from '@/lib/auth/schema';

export const createPersonAction = editorAction('people:manage', createPersonSchema, async ({ name, email, role, password }) => {
  const created = await createUser({ name, email, role, passwordHash: await hashPassword(password) });
  if (!created) return { ok: false, error: `${email} already has an account.`, fieldErrors: { email: ['Already has an account.'] } };
  revalidatePath('/editor/people');
  return { ok: true, message: `Account created for ${name}. Give them their password in person or by a secure channel.` };
});

/** An admin may not take the newsroom's last admin away, including themselves. */
async function leavesAnAdmin(userId: string): Promise<boolean> {
  const target = await getUser(userId);
  return !(target?.role === 'admin' && target.active && (await countActiveAdmins()) <= 1);
}

export const changeRoleAction = editorAction('people:manage', changeRoleSchema, async ({ userId, role }) => {
  if (role !== 'admin' && !(await leavesAnAdmin(userId))) return { ok: false, error: 'The newsroom needs at least one active admin.' };
  const user = await setUserRole(userId, role);
  if (!user) return { ok: false, error: 'Unknown person.' };
  revalidatePath('/editor/people');
  return { ok: true, message: `${user.name} is now ${role === 'admin' ? 'an' : 'a'} ${role}.` };
});

export const deactivateAction = editorAction('people:manage', userIdSchema, async ({ userId }) => {
  if (!(await leavesAnAdmin(userId))) return { ok: false, error: 'The newsroom needs at least one active admin.' };
  const user = await setUserActive(userId, false);
  if (!user) return { ok: false, error: 'Unknown person.' };
  revalidatePath('/editor/people');
  return { ok: true, message: `${user.name} is deactivated and signed out everywhere.` };
});

export const reactivateAction = editorAction('people:manage', userIdSchema, async ({ userId }) => {
  const user = await setUserActive(userId, true);
  if (!user) return { ok: false, error: 'Unknown person.' };
  revalidatePath('/editor/people');
  return { ok: true, message: `${user.name} can sign in again.` };
});
