import 'server-only';

import { createAuthorProfile, getProfileOfUser, updateAuthorProfile } from '@/db/queries/author-profiles';
import type { PublicUser } from '@/db/queries/users';
import type { AuthorProfile } from '@/db/schema';
import { isContentAuthorSlug } from '@/lib/content';
import { altTextSchema } from '@/lib/content/schema';
import { storeUploadedImage } from '@/lib/media/store';
import { slugSchema } from '@/lib/validation';

export type ProfileValues = { profileSlug: string; bio: string; pictureAlt: string };
export type ProfileResult = { ok: true; profile: AuthorProfile; before: AuthorProfile | undefined } | { ok: false; error: string; fieldErrors: Record<string, string[]> };

const BIO_MIN = 20;
const BIO_MAX = 600;

function checkText(values: ProfileValues, hasPicture: boolean): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const slug = slugSchema.max(60, 'must be at most 60 characters').safeParse(values.profileSlug);
  if (!values.profileSlug) errors.profileSlug = ['Choose a profile address, e.g. “jane-doe”.'];
  else if (!slug.success) errors.profileSlug = [`The profile address ${slug.error.issues[0]?.message ?? 'is not valid'}.`];
  if (values.bio.length < BIO_MIN || values.bio.length > BIO_MAX) {
    errors.bio = [`The bio must be ${BIO_MIN} to ${BIO_MAX} characters; it is ${values.bio.length}.`];
  }
  // Alt text belongs to a picture: required with one, and not stored without one.
  if (hasPicture) {
    const alt = altTextSchema.safeParse(values.pictureAlt);
    if (!alt.success) errors.pictureAlt = [`The picture alt text ${alt.error.issues[0]?.message ?? 'is not valid'}.`];
  }
  return errors;
}

function failure(fieldErrors: Record<string, string[]>): ProfileResult {
  const first = Object.values(fieldErrors)[0]?.[0] ?? 'Please check the form.';
  return { ok: false, error: first, fieldErrors };
}

/**
 * Saves the author profile linked to `user`'s account, creating it (under the account's name) on the
 * first save. The address must be free among the site's content/ authors and the other profiles; a
 * new picture (`picture`, when one was chosen) is stored only once the text is right. `version`: the
 * profile's version the form was drawn from, so an editor's change made meanwhile is not undone.
 */
export async function saveProfile(user: PublicUser, raw: ProfileValues, picture?: File, version?: number): Promise<ProfileResult> {
  const values = { profileSlug: raw.profileSlug.trim(), bio: raw.bio.trim(), pictureAlt: raw.pictureAlt.trim() };
  const before = await getProfileOfUser(user.id);
  const errors = checkText(values, Boolean(picture || before?.pictureImageId));
  if (Object.keys(errors).length > 0) return failure(errors);
  if (await isContentAuthorSlug(values.profileSlug)) {
    return failure({ profileSlug: [`The address “${values.profileSlug}” belongs to one of the site’s authors. Choose another.`] });
  }
  let pictureImageId: string | undefined;
  if (picture) {
    const stored = await storeUploadedImage(picture, user.id);
    if (!stored.ok) return failure({ picture: [stored.error] });
    pictureImageId = stored.image.id;
  }
  const fields = {
    slug: values.profileSlug,
    bio: values.bio,
    pictureAlt: picture || before?.pictureImageId ? values.pictureAlt : null,
    ...(pictureImageId ? { pictureImageId } : {}),
  };
  const saved = before
    ? await updateAuthorProfile(before.id, version ?? before.version, fields, user.id)
    : await createAuthorProfile(
        { name: user.name, kind: user.role === 'contributor' ? 'contributor' : 'staff', links: [], pictureImageId: null, ...fields, userId: user.id },
        user.id,
      );
  if (saved.ok) return { ok: true, profile: saved.profile, before };
  if (saved.reason === 'slug-taken') return failure({ profileSlug: [`Another profile already has the address “${values.profileSlug}”. Choose another.`] });
  if (saved.reason === 'conflict')
    return { ok: false, error: 'Your profile was changed by someone else since this page was opened. Reload the page to see it, then save again.', fieldErrors: {} };
  return { ok: false, error: 'Your profile could not be saved: reload the page and try again.', fieldErrors: {} };
}
