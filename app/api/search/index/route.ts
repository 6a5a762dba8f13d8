import { readSignedBody } from '@/lib/jobs/signature';
import { ensureSearchIndex } from '@/lib/search/sync';

// Called by this server itself once it listens (instrumentation-node.ts), signed with APP_SECRET:
// indexes the content/ files whose hash changed since the last start.
export async function POST(request: Request) {
  if ((await readSignedBody(request)) === null) return new Response('Not signed, or signed too long ago.', { status: 401 });
  await ensureSearchIndex();
  return new Response(null, { status: 204 });
}
