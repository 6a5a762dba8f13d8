import 'server-only';

import { BIO_MIN } from '@/db/queries/author-profiles';
import { isContentAuthorSlug } from '@/lib/content';
import { altTextSchema } from '@/lib/content/schema';
import { storeUploadedImage } from '@/lib/media/store';
import { slugSchema } from '@/lib/validation';

// The checks every profile form shares: the Account page's (an account's own profile) and the
// newsroom's Authors pages (any profile). Each returns problems by field, never throws.

export type FieldErrors = Record<string, string[]>;

export const BIO_MAX = 600;

/** The address's form; that it is not a content/ author's is checked apart (addressOfFileAuthor). */
export function checkAddress(slug: string, errors: FieldErrors, field = 'profileSlug'): void {
  const parsed = slugSchema.max(60, 'must be at most 60 characters').safeParse(slug);
  if (!slug) errors[field] = ['Choose a profile address, e.g. “jane-doe”.'];
  else if (!parsed.success) errors[field] = [`The profile address ${parsed.error.issues[0]?.message ?? 'is not valid'}.`];
}

/** The bio's length; `optional`: an empty bio is allowed (a profile not yet ready for bylines). */
export function checkBio(bio: string, errors: FieldErrors, optional = false): void {
  if (optional && bio.length === 0) return;
  if (bio.length < BIO_MIN || bio.length > BIO_MAX) errors.bio = [`The bio must be ${BIO_MIN} to ${BIO_MAX} characters; it is ${bio.length}.`];
}

/** Alt text belongs to a picture: required with one, and not stored without one. */
export function checkPictureAlt(alt: string, hasPicture: boolean, errors: FieldErrors): void {
  if (!hasPicture) return;
  const parsed = altTextSchema.safeParse(alt);
  if (!parsed.success) errors.pictureAlt = [`The picture alt text ${parsed.error.issues[0]?.message ?? 'is not valid'}.`];
}

/** The problem when the address is one of the site's content/ authors (their page is already there). */
export async function addressOfFileAuthor(slug: string): Promise<string | null> {
  return (await isContentAuthorSlug(slug)) ? `The address “${slug}” belongs to one of the site’s authors. Choose another.` : null;
}

export const addressTaken = (slug: string) => `Another profile already has the address “${slug}”. Choose another.`;

/** A refusal as a form shows it: the first problem as the message, all of them by field. */
export function failure(fieldErrors: FieldErrors): { ok: false; error: string; fieldErrors: FieldErrors } {
  const first = Object.values(fieldErrors)[0]?.[0] ?? 'Please check the form.';
  return { ok: false, error: first, fieldErrors };
}

/**
 * The last checks before a profile is written, which both forms make once their fields are valid:
 * the address is not a content/ author's, then the new picture (if any) is stored, so a refused
 * save stores none.
 */
export async function addressAndPicture(
  slug: string,
  picture: File | undefined,
  uploaderId: string,
): Promise<{ ok: true; pictureImageId?: string } | { ok: false; error: string; fieldErrors: FieldErrors }> {
  const fileAuthor = await addressOfFileAuthor(slug);
  if (fileAuthor) return failure({ profileSlug: [fileAuthor] });
  if (!picture) return { ok: true };
  const stored = await storeUploadedImage(picture, uploaderId);
  return stored.ok ? { ok: true, pictureImageId: stored.image.id } : failure({ picture: [stored.error] });
}
