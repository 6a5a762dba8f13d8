import 'server-only';

import { revalidateTag } from 'next/cache';

import { broadcastRevalidation } from './broadcast';

// `expire: 0` rather than the 'max' profile: a publication must be live on the very next request,
// not served stale once while it renders. Works in server actions and route handlers alike (updateTag
// would refuse a route handler); in a server action it also makes the browser refetch its page.

/** Expires the tags on this server only: for messages from other servers, and the start-up refresh. */
export function expireHere(tags: string[]): void {
  for (const tag of tags) revalidateTag(tag, { expire: 0 });
}

/** Expires the tags here and on every other app server. Only inside a request (see outside-request.ts). */
export async function expire(tags: string[]): Promise<void> {
  expireHere(tags);
  await broadcastRevalidation(tags);
}
