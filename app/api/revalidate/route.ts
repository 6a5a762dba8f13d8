import { z } from 'zod';

import { expireHere } from '@/lib/cache/expire';
import { cacheTagsSchema } from '@/lib/cache/tags';
import { readSignedBody } from '@/lib/jobs/signature';

const requestSchema = z.object({ tags: cacheTagsSchema });

// revalidateTag only works inside a request, so work done outside one (the start-up refresh, another
// server's publication) asks its own server here, signed with APP_SECRET (lib/cache/outside-request.ts).
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
  if (!parsed.success) return new Response('Expected {"tags": [...]} with known cache tags.', { status: 400 });
  expireHere(parsed.data.tags);
  return new Response(null, { status: 204 });
}
