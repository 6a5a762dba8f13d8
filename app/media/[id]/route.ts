import { getImageFile } from '@/db/queries/images';
import { mediaIdFromSrc, mediaSrc } from '@/lib/content/media';

// An id always names the same bytes (a new upload gets a new id), so browsers, CDNs and next/image
// may keep a copy for a year. The sha256 is a strong validator for the odd revalidation.
const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  // Opened directly, a picture needs nothing else; an upload can never run script or load anything.
  'Content-Security-Policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
};

function notFound(): Response {
  return new Response('No such image.\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS } });
}

function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const value = tag.trim().replace(/^W\//, '');
    return value === etag || value === '*';
  });
}

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  // Only a well-formed id reaches the database: anything else would be a uuid cast error there.
  if (mediaIdFromSrc(mediaSrc(id)) !== id) return notFound();
  const file = await getImageFile(id);
  if (!file) return notFound();
  const etag = `"${file.sha256}"`;
  const headers = { ETag: etag, 'Cache-Control': 'public, max-age=31536000, immutable', ...SECURITY_HEADERS };
  if (matches(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(file.data), {
    headers: { ...headers, 'Content-Type': file.contentType, 'Content-Length': String(file.data.length) },
  });
}
