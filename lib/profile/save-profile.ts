import 'server-only';

import { createAuthorProfile, getProfileOfUser, updateAuthorProfile } from '@/db/queries/author-profiles';
import type { PublicUser } from '@/db/queries/users';
import type { AuthorProfile } from '@/db/schema';
import { reindexAfterProfileSave } from '@/lib/search/sync';

import { addressAndPicture, addressTaken, checkAddress, checkBio, checkPictureAlt, failure, type FieldErrors } from './rules';

export type ProfileValues = { profileSlug: string; bio: string; pictureAlt: string };
export type ProfileResult = { ok: true; profile: AuthorProfile; before: AuthorProfile | undefined } | { ok: false; error: string; fieldErrors: Record<string, string[]> };

function checkText(values: ProfileValues, hasPicture: boolean): FieldErrors {
  const errors: FieldErrors = {};
  checkAddress(values.profileSlug, errors);
  checkBio(values.bio, errors);
  checkPictureAlt(values.pictureAlt, hasPicture, errors);
  return errors;
}

/** An account's name may be 100 characters and a profile's 80: cut like migration 0013 (`left(name, 80)`). */
const profileName = (name: string) => [...name].slice(0, 80).join('').trimEnd();

/**
 * Saves the author profile linked to `user`'s account, creating it (under the account's name) on the
 * first save (cut to a profile's 80 characters). The address must be free among the site's content/ authors and the other profiles; a
 * new picture (`picture`, when one was chosen) is stored only once the text is right. `version`: the
 * profile's version the form was drawn from, so an editor's change made meanwhile is not undone.
 */
export async function saveProfile(user: PublicUser, raw: ProfileValues, picture?: File, version?: number): Promise<ProfileResult> {
  const values = { profileSlug: raw.profileSlug.trim(), bio: raw.bio.trim(), pictureAlt: raw.pictureAlt.trim() };
  const before = await getProfileOfUser(user.id);
  // Without the version the form was drawn from, an editor's change made meanwhile would be undone.
  if (before && version === undefined) return { ok: false, error: 'Your profile was not saved: reload the page and save again.', fieldErrors: {} };
  const errors = checkText(values, Boolean(picture || before?.pictureImageId));
  if (Object.keys(errors).length > 0) return failure(errors);
  const checked = await addressAndPicture(values.profileSlug, picture, user.id);
  if (!checked.ok) return checked;
  const { pictureImageId } = checked;
  const fields = {
    slug: values.profileSlug,
    bio: values.bio,
    pictureAlt: picture || before?.pictureImageId ? values.pictureAlt : null,
    ...(pictureImageId ? { pictureImageId } : {}),
  };
  const saved = before
    ? await updateAuthorProfile(before.id, version!, fields, user.id)
    : await createAuthorProfile(
        { name: profileName(user.name), kind: user.role === 'contributor' ? 'contributor' : 'staff', links: [], pictureImageId: null, ...fields, userId: user.id },
        user.id,
      );
  if (saved.ok) {
    await reindexAfterProfileSave(before, saved.profile);
    return { ok: true, profile: saved.profile, before };
  }
  if (saved.reason === 'slug-taken') return failure({ profileSlug: [addressTaken(values.profileSlug)] });
  if (saved.reason === 'conflict')
    return { ok: false, error: 'Your profile was changed by someone else since this page was opened. Reload the page to see it, then save again.', fieldErrors: {} };
  return { ok: false, error: 'Your profile could not be saved: reload the page and try again.', fieldErrors: {} };
}
