'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';

import { editorAction } from '@/lib/actions/editor-action';
import { tagsForProfileEdit } from '@/lib/cache/changes';
import { expire } from '@/lib/cache/expire';
import { refreshPage } from '@/lib/cache/refresh';
import { type AuthorFormValues, formValuesOf, linkLabelField, linkRows, linkUrlField } from '@/lib/profile/author-form';
import { saveManagedProfile } from '@/lib/profile/manage-profile';
import { routes } from '@/lib/routes';
import { uuidSchema } from '@/lib/validation';

const text = z.string().max(5_000).default('');
const linkFields = Object.fromEntries(linkRows.flatMap((row) => [linkLabelField(row), linkUrlField(row)]).map((field) => [field, text]));

// Lenient on purpose: saveManagedProfile explains each problem, and the typed text goes back to the form.
const authorForm = z.object({
  id: uuidSchema('This profile does not exist.').optional(),
  // The profile's version the form was drawn from (none for a new profile).
  version: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  name: text,
  profileSlug: text,
  kind: text,
  bio: text,
  pictureAlt: text,
  userId: text,
  ...linkFields,
  picture: z.instanceof(File).optional(),
});

/** Creates a profile (no `id`; then opens its page) or saves one, for editors and admins. */
export const saveAuthorProfileAction = editorAction('authors:manage', authorForm, async ({ id, version, picture, ...fields }, user) => {
  const values: AuthorFormValues = Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  const result = await saveManagedProfile(user, { ...(id ? { id } : {}), ...(version ? { version } : {}), values }, picture);
  if (!result.ok) return { ...result, values: { ...values, ...(version ? { version: String(version) } : {}) } };
  // Its author page, every article that carries it and the listings whose cards do, at the old and new address.
  await expire(await tagsForProfileEdit(result.profile.id, result.before?.slug ?? null, result.profile.slug));
  if (!result.before) redirect(routes.editor.author(result.profile.id, 'created'));
  refreshPage();
  return { ok: true, message: `${result.profile.name}’s profile is saved. Its author page and articles show it now.`, values: formValuesOf(result.profile) };
});
