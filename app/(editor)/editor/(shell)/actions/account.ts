'use server';

import { redirect } from 'next/navigation';
import { getUserPasswordHash, setUserPassword } from '@/db/queries/users';
import { editorAction } from '@/lib/actions/editor-action';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { changePasswordSchema } from '@/lib/auth/schema';

export const changePasswordAction = editorAction('editor:enter', changePasswordSchema, async ({ currentPassword, newPassword }, user) => {
  if (!(await verifyPassword(await getUserPasswordHash(user.id), currentPassword))) {
    return { ok: false, error: 'Your current password is not right.', fieldErrors: { currentPassword: ['Not right.'] } };
  }
  await setUserPassword(user.id, await hashPassword(newPassword));
  // The new password ended every session of the account, this one included.
  redirect('/editor/login?notice=password-changed');
});
