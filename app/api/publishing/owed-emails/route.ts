import { startOwedEmails } from '@/lib/jobs/publish';
import { readSignedBody } from '@/lib/jobs/signature';

// Called by this server itself once it listens (lib/jobs/workers.ts), signed with APP_SECRET: starts
// the newsletter sends of scheduled publications whose server stopped before starting them.
export async function POST(request: Request) {
  if ((await readSignedBody(request)) === null) return new Response('Not signed, or signed too long ago.', { status: 401 });
  return Response.json({ started: await startOwedEmails() });
}
