import { expire } from '@/lib/cache/expire';
import { DATABASE_TAG } from '@/lib/cache/tags';
import { countUncountedPublished } from '@/lib/content/word-counts';
import { readSignedBody } from '@/lib/jobs/signature';

// Called by this server itself once it listens (instrumentation-node.ts), signed with APP_SECRET:
// counts the words of articles published before word counts were stored, then refreshes the pages
// (here and on the other app servers) so they show the reading times.
export async function POST(request: Request) {
  if ((await readSignedBody(request)) === null) return new Response('Not signed, or signed too long ago.', { status: 401 });
  const run = await countUncountedPublished();
  if (run.counted > 0) await expire([DATABASE_TAG]);
  return Response.json(run);
}
