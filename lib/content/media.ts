// Uploaded images live in the database and are served under /media/<id>; this is the one place in
// TypeScript that knows the shape of those addresses. The clean-up's SQL function draft_image_ids
// (migration 0004) repeats it, and test/cleanup.test.ts checks that the two agree.
const MEDIA_SRC = /^\/media\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export function mediaSrc(id: string): string {
  return `/media/${id}`;
}

/** The image id of a /media/<id> address, or null for anything else. */
export function mediaIdFromSrc(src: string): string | null {
  return MEDIA_SRC.exec(src)?.[1] ?? null;
}
