import 'server-only';

import { createAuthorProfile, getAuthorProfile, type ProfileWriteResult, updateAuthorProfile } from '@/db/queries/author-profiles';
import { getUser, type PublicUser } from '@/db/queries/users';
import { authorKind, type AuthorProfile } from '@/db/schema';
import { can } from '@/lib/auth/roles';
import { getSite } from '@/lib/content';
import { missingFromProfile } from '@/lib/content/profile-author';
import { formatDateAndTime } from '@/lib/dates/format';
import { reindexAfterProfileSave } from '@/lib/search/sync';
import { isUuid } from '@/lib/validation';

import { LINKED_TO_OTHER, mayEditProfile } from './access';
import { type AuthorFormValues, parseLinkRows } from './author-form';
import { addressAndPicture, addressTaken, checkAddress, checkBio, checkPictureAlt, failure, type FieldErrors } from './rules';

export type ManagedInput = { id?: string; version?: number; values: AuthorFormValues };
export type ManageResult = { ok: true; profile: AuthorProfile; before: AuthorProfile | undefined } | { ok: false; error: string; fieldErrors: FieldErrors };

const refused = (error: string): ManageResult => ({ ok: false, error, fieldErrors: {} });
const isKind = (kind: string): kind is AuthorProfile['kind'] => (authorKind.enumValues as readonly string[]).includes(kind);

/** The profile as the form asks for it, or the problems by field. The account is checked apart. */
function checkFields(values: AuthorFormValues, before: AuthorProfile | undefined, hasPicture: boolean) {
  const text = (field: string) => (values[field] ?? '').trim();
  const errors: FieldErrors = {};
  const name = text('name');
  if (name.length < 2 || name.length > 80) errors.name = [`The name must be 2 to 80 characters; it is ${name.length}.`];
  const slug = text('profileSlug');
  checkAddress(slug, errors);
  const kind = text('kind');
  if (!isKind(kind)) errors.kind = ['Choose the kind of author: staff, contributor, partner or agency.'];
  // A profile not yet complete may wait for its bio; one that may be on bylines already keeps one.
  const bio = text('bio');
  checkBio(bio, errors, !before || missingFromProfile(before).length > 0);
  const pictureAlt = text('pictureAlt');
  checkPictureAlt(pictureAlt, hasPicture, errors);
  const { links, errors: linkErrors } = parseLinkRows(values);
  Object.assign(errors, linkErrors);
  const fields = { name, slug, kind: isKind(kind) ? kind : 'contributor', bio, pictureAlt: hasPicture ? pictureAlt : null, links };
  return { fields, errors };
}

/**
 * The account to link, '' for none: an active one, and (unless it is already this profile's) without a
 * profile. Only an admin links and unlinks; anyone else keeps the profile's link as it is.
 */
async function checkAccount(user: PublicUser, userId: string, before: AuthorProfile | undefined): Promise<string | null | { error: string }> {
  const current = before?.userId ?? null;
  if (!can(user.role, 'authors:link')) return userId && userId !== current ? { error: 'Only an admin can link a profile to an account.' } : current;
  if (!userId) return null;
  if (userId === current) return userId;
  const account = isUuid(userId) ? await getUser(userId) : undefined;
  if (!account?.active) return { error: 'Choose an account from the list, or none.' };
  return userId;
}

async function conflictMessage(current: AuthorProfile): Promise<string> {
  const who = current.updatedBy ? ((await getUser(current.updatedBy))?.name ?? 'someone') : 'someone';
  const when = formatDateAndTime(current.updatedAt, await getSite());
  return `Not saved: ${current.name}’s profile was changed by ${who} at ${when} — reload the page to see their version. What you typed is still in the form.`;
}

async function explain(saved: Exclude<ProfileWriteResult, { ok: true }>, slug: string): Promise<ManageResult> {
  if (saved.reason === 'slug-taken') return failure({ profileSlug: [addressTaken(slug)] });
  if (saved.reason === 'user-linked') return failure({ userId: ['That account has a profile already. Choose another, or none.'] });
  if (saved.reason === 'conflict') return refused(await conflictMessage(saved.current));
  return refused('This profile no longer exists. Go back to Authors to see the profiles there are.');
}

/**
 * Creates (no `id`) or saves an author profile, for editors and admins: a guest's, a partner's, an
 * agency's or their own; one linked to another person's account, and the link, only for admins. A save is made over the version the form was
 * drawn from, and a newer one is refused with who saved it and when; a new picture is stored only
 * once everything else is right.
 */
export async function saveManagedProfile(user: PublicUser, input: ManagedInput, picture?: File): Promise<ManageResult> {
  if (!can(user.role, 'authors:manage')) return refused('You are not allowed to do that.');
  const before = input.id ? await getAuthorProfile(input.id) : undefined;
  if (input.id && !before) return refused('This profile no longer exists. Go back to Authors to see the profiles there are.');
  if (before && input.version === undefined) return refused('Not saved: reload the page and try again.');
  if (!mayEditProfile(user, before)) return refused(LINKED_TO_OTHER);
  const { fields, errors } = checkFields(input.values, before, Boolean(picture || before?.pictureImageId));
  const userId = await checkAccount(user, (input.values.userId ?? '').trim(), before);
  if (userId !== null && typeof userId === 'object') errors.userId = [userId.error];
  if (Object.keys(errors).length > 0) return failure(errors);
  const checked = await addressAndPicture(fields.slug, picture, user.id);
  if (!checked.ok) return checked;
  const { pictureImageId } = checked;
  const row = { ...fields, userId: typeof userId === 'string' ? userId : null, ...(pictureImageId ? { pictureImageId } : {}) };
  const saved = before ? await updateAuthorProfile(before.id, input.version!, row, user.id) : await createAuthorProfile({ pictureImageId: null, ...row }, user.id);
  if (!saved.ok) return explain(saved, fields.slug);
  await reindexAfterProfileSave(before, saved.profile);
  return { ok: true, profile: saved.profile, before };
}
