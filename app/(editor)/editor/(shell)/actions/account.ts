'use server';

import { redirect } from 'next/navigation';
import { getUserPasswordHash, setUserPassword } from '@/db/queries/users';
import { editorAction } from '@/lib/actions/editor-action';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { changePasswordSchema } from '@/lib/auth/schema';
import { countPasswordCheck, passwordCheckSucceeded } from '@/lib/auth/throttle';

export const changePasswordAction = editorAction('editor:enter', changePasswordSchema, async ({ currentPassword, newPassword }, user) => {
  const waitSeconds = await countPasswordCheck(user.id);
  if (waitSeconds > 0) return { ok: false, error: `Too many wrong passwords. Please try again in ${Math.ceil(waitSeconds / 60)} minutes.` };
  if (!(await verifyPassword(await getUserPasswordHash(user.id), currentPassword))) {
    return { ok: false, error: 'Your current password is not right.', fieldErrors: { currentPassword: ['Not right.'] } };
  }
  await passwordCheckSucceeded(user.id);
  await setUserPassword(user.id, await hashPassword(newPassword));
  // The new password ended every session of the account, this one included.
  redirect('/editor/login?notice=password-changed');
});
