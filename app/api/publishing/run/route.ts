import { z } from 'zod';

import { runPublication } from '@/lib/jobs/publish';
import { readSignedBody } from '@/lib/jobs/signature';

const requestSchema = z.object({ publishJobId: z.uuid(), lastAttempt: z.boolean() });

// One attempt at a scheduled publication, asked for by the job queue's worker on this server
// (lib/jobs/publications.ts) over loopback, signed: the work runs inside a request, so the pages it
// changes can be expired right here.
export async function POST(request: Request) {
  const body = await readSignedBody(request);
  if (body === null) return new Response('Not signed, or signed too long ago.', { status: 401 });
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return new Response('The body is not JSON.', { status: 400 });
  }
  const parsed = requestSchema.safeParse(json);
  if (!parsed.success) return new Response('Expected {"publishJobId": "<uuid>", "lastAttempt": true|false}.', { status: 400 });
  return Response.json({ outcome: await runPublication(parsed.data.publishJobId, parsed.data.lastAttempt) });
}
