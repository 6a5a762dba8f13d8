import { z } from 'zod';

import { expireHere } from '@/lib/cache/expire';
import { cacheTagsSchema } from '@/lib/cache/tags';
import { readSignedPayload } from '@/lib/jobs/signature';

const requestSchema = z.object({ tags: cacheTagsSchema });

// revalidateTag only works inside a request, so work done outside one (the start-up refresh, another
// server's publication) asks its own server here, signed with APP_SECRET (lib/cache/outside-request.ts).
export async function POST(request: Request) {
  const payload = await readSignedPayload(request, requestSchema, '{"tags": [...]} with known cache tags');
  if (!payload.ok) return payload.response;
  expireHere(payload.data.tags);
  return new Response(null, { status: 204 });
}
