import { revalidateTag } from 'next/cache';
import { isCacheTag } from '@/lib/content/cache-tags';
import { readSignedBody } from '@/lib/publishing/signature';

// revalidateTag only works inside a request, so work done outside one (the scheduler, the start-up
// refresh, another server's publication) asks its own server here, signed with APP_SECRET.
export async function POST(request: Request) {
  const body = await readSignedBody(request);
  if (body === null) return new Response('Not signed, or signed too long ago.', { status: 401 });
  let tags: unknown;
  try {
    tags = (JSON.parse(body) as { tags?: unknown }).tags;
  } catch {
    return new Response('The body is not JSON.', { status: 400 });
  }
  if (!Array.isArray(tags) || tags.length === 0 || tags.length > 200 || !tags.every((tag) => typeof tag === 'string' && isCacheTag(tag))) {
    return new Response('Expected {"tags": [...]} with known cache tags.', { status: 400 });
  }
  for (const tag of tags as string[]) revalidateTag(tag, { expire: 0 });
  return new Response(null, { status: 204 });
}
