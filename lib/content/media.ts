import { isUuid } from '../validation';

// Uploaded images live in the database and are served under /media/<id>; this is the one place in
// TypeScript that knows the shape of those addresses. The clean-up's SQL function draft_image_ids
// (migration 0004) repeats it, and test/cleanup.test.ts checks that the two agree.
const MEDIA = '/media/';

export function mediaSrc(id: string): string {
  return `${MEDIA}${id}`;
}

/** The image id of a /media/<id> address, or null for anything else. */
export function mediaIdFromSrc(src: string): string | null {
  const id = src.startsWith(MEDIA) ? src.slice(MEDIA.length) : '';
  return isUuid(id) ? id : null;
}
