'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';

import { getUserPasswordHash, setUserPassword } from '@/db/queries/users';
import { editorAction } from '@/lib/actions/editor-action';
import type { ActionState } from '@/lib/actions/result';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { changePasswordSchema } from '@/lib/auth/schema';
import { countPasswordCheck, passwordCheckSucceeded } from '@/lib/auth/throttle';
import { tagsForProfileEdit } from '@/lib/cache/changes';
import { expire } from '@/lib/cache/expire';
import { type ProfileValues, saveProfile } from '@/lib/profile/save-profile';
import { routes } from '@/lib/routes';

export const changePasswordAction = editorAction('editor:enter', changePasswordSchema, async ({ currentPassword, newPassword }, user) => {
  const waitSeconds = await countPasswordCheck(user.id);
  if (waitSeconds > 0) return { ok: false, error: `Too many wrong passwords. Please try again in ${Math.ceil(waitSeconds / 60)} minutes.` };
  if (!(await verifyPassword(await getUserPasswordHash(user.id), currentPassword))) {
    return { ok: false, error: 'Your current password is not right.', fieldErrors: { currentPassword: ['Not right.'] } };
  }
  await passwordCheckSucceeded(user.id);
  await setUserPassword(user.id, await hashPassword(newPassword));
  // The new password ended every session of the account, this one included.
  redirect(routes.editor.login('password-changed'));
});

// Lenient on purpose: saveProfile explains each problem, and the typed text goes back to the form.
const profileForm = z.object({
  profileSlug: z.string().default(''),
  bio: z.string().default(''),
  pictureAlt: z.string().default(''),
  // The profile's version the form was drawn from (none before the first save).
  version: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  picture: z.instanceof(File).optional(),
});

/** `version`: of the saved profile, for the next save to be made over (see saveProfile). */
export type ProfileState = (NonNullable<ActionState> & { values?: ProfileValues; version?: number }) | null;

export const saveProfileAction = editorAction('editor:enter', profileForm, async ({ picture, version, ...values }, user) => {
  const result = await saveProfile(user, values, picture, version);
  if (!result.ok) {
    const state: ProfileState = { ...result, values, ...(version ? { version } : {}) };
    return state;
  }
  // Published articles show the author's card, byline and link to their page: refresh every page that
  // shows them, at the old and new address. That also refetches this page, which shows the saved picture.
  await expire(await tagsForProfileEdit(result.profile.id, result.before?.slug ?? null, result.profile.slug));
  const { slug, bio, pictureAlt } = result.profile;
  const state: ProfileState = {
    ok: true,
    message: 'Your public profile is saved.',
    values: { profileSlug: slug ?? '', bio, pictureAlt: pictureAlt ?? '' },
    version: result.profile.version,
  };
  return state;
});
