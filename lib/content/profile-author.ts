import { BIO_MIN } from '@/db/queries/author-profiles';
import type { ImageMeta } from '@/db/queries/images';
import type { AuthorProfile } from '@/db/schema';

import { KIND_LABELS } from './byline';
import { mediaSrc } from './media';
import type { Author } from './types';


/** What a profile still lacks before an article can carry it, e.g. ["a bio of at least 20 characters"]. */
export function missingFromProfile(profile: AuthorProfile): string[] {
  const missing: string[] = [];
  if (!profile.slug) missing.push('a profile address');
  if (profile.bio.trim().length < BIO_MIN) missing.push(`a bio of at least ${BIO_MIN} characters`);
  if (!profile.pictureImageId || !profile.pictureAlt?.trim()) missing.push('a picture with alt text');
  return missing;
}

/**
 * A newsroom profile as the Author every page renders, or why it cannot be one. `pictures`: the
 * stored images by id (the caller reads them with the hero, in one query).
 */
export function authorFromProfile(profile: AuthorProfile, pictures: Map<string, ImageMeta>): { author: Author } | { problem: string } {
  const missing = missingFromProfile(profile);
  if (missing.length > 0 || !profile.slug || !profile.pictureImageId) {
    const who = profile.userId ? 'its account can add it on the Account page, an editor too' : 'an editor can add it';
    return { problem: `${profile.name}’s profile needs ${missing.join(', ')} before it can be on a byline (${who}).` };
  }
  const picture = pictures.get(profile.pictureImageId);
  if (!picture) return { problem: `${profile.name}’s profile picture is missing.` };
  return {
    author: {
      slug: profile.slug,
      name: profile.name,
      kind: profile.kind,
      role: KIND_LABELS[profile.kind],
      bio: profile.bio.trim(),
      picture: { src: mediaSrc(picture.id), alt: profile.pictureAlt ?? '', width: picture.width, height: picture.height },
      links: profile.links.map((link) => ({ label: link.label, href: link.url })),
    },
  };
}
