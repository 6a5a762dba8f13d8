import { z } from 'zod';

import { runPublication } from '@/lib/jobs/publish';
import { readSignedPayload } from '@/lib/jobs/signature';

const requestSchema = z.object({ publishJobId: z.uuid(), lastAttempt: z.boolean() });

// One attempt at a scheduled publication, asked for by the job queue's worker on this server
// (lib/jobs/publications.ts) over loopback, signed: the work runs inside a request, so the pages it
// changes can be expired right here.
export async function POST(request: Request) {
  const payload = await readSignedPayload(request, requestSchema, '{"publishJobId": "<uuid>", "lastAttempt": true|false}');
  if (!payload.ok) return payload.response;
  return Response.json({ outcome: await runPublication(payload.data.publishJobId, payload.data.lastAttempt) });
}
