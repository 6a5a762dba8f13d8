import 'server-only';

import { postSigned, whenListening } from '../jobs/loopback';

// revalidateTag only works inside a request, so work done outside one (the start-up refresh, another
// server's publication) asks this server's app/api/revalidate/route.ts, which calls expireHere.

/** Expires the tags on this server, from outside a request. */
export async function expireOutsideRequest(tags: string[]): Promise<void> {
  const response = await postSigned('/api/revalidate', { tags });
  if (response.status !== 204) throw new Error(`Revalidation answered ${response.status}: ${await response.text()}`);
}

/** The same, retried until the starting server listens. */
export const expireWhenListening = (tags: string[]) => whenListening(() => expireOutsideRequest(tags));
