import { ACTION_BODY_LIMIT_BYTES, PUBLIC_ACTION_BODY_LIMIT_BYTES } from './limits.mjs';
import { argumentList, boundActionDescriptor, validReply } from './reply-shape';

// Next.js decides by itself what a POST to a page is: a server action when it carries a Next-Action
// header (a call from JavaScript) or a multipart body (a form sent without JavaScript). Its answers to
// a cross-site Origin, an oversized body or a body React cannot decode are all 500s, so proxy.ts
// answers those first, in plain words. Unknown action ids Next.js already answers itself (400 for a
// malformed id, 409 for one this build does not have, which its client reads as a newer deployment).

/** Route handlers that take POSTs: Next.js never treats a request to them as a server action. */
export const ROUTE_HANDLERS_TAKING_POSTS = ['/api/', '/newsletter/unsubscribe/one-click'];

const refuse = (status: number, message: string) => new Response(`${message}\n`, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });

/** Next.js compares the Origin's host with X-Forwarded-Host, or else Host; so do we, a step earlier. */
function sameSite(origin: string, headers: Headers): boolean {
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  const forwarded = headers.get('x-forwarded-host')?.split(',')[0]?.trim();
  return !!host && (host === forwarded || host === headers.get('host'));
}

async function readBody(request: Request): Promise<ArrayBuffer | null> {
  try {
    return await request.clone().arrayBuffer();
  } catch {
    return null;
  }
}

async function parseMultipart(body: ArrayBuffer, contentType: string): Promise<FormData | null> {
  try {
    return await new Response(body, { headers: { 'Content-Type': contentType } }).formData();
  } catch {
    return null;
  }
}

/** A form sent without JavaScript: every bound action it names must decode. */
function validFormPost(form: FormData): boolean {
  const references = [...form.keys()].filter((key) => key.startsWith('$ACTION_REF_'));
  return references.every((key) => {
    const prefix = `$ACTION_${key.slice('$ACTION_REF_'.length)}:`;
    const read = (id: number) => form.get(`${prefix}${id}`);
    return validReply(read, boundActionDescriptor(read));
  });
}

/**
 * A refusal for a server-action request Next.js would answer with a 500, or null to let it through.
 * `mayUpload`: a signed-in newsroom request, the only kind whose forms carry pictures.
 */
export async function refuseBadAction(request: Request, pathname: string, mayUpload: boolean): Promise<Response | null> {
  if (request.method !== 'POST') return null;
  if (ROUTE_HANDLERS_TAKING_POSTS.some((prefix) => pathname.startsWith(prefix))) return null;
  const actionId = request.headers.get('next-action');
  const contentType = request.headers.get('content-type') ?? '';
  // Exactly the tests Next.js applies (case-sensitive), so both sides agree on what a request is.
  const multipart = contentType.startsWith('multipart/form-data');
  if (actionId === null && !multipart) return null;

  const origin = request.headers.get('origin');
  if (origin !== null && !sameSite(origin, request.headers)) return refuse(403, 'This form can only be sent from this site.');
  const limit = mayUpload ? ACTION_BODY_LIMIT_BYTES : PUBLIC_ACTION_BODY_LIMIT_BYTES;
  const length = request.headers.get('content-length');
  const tooLarge = mayUpload
    ? `The request is larger than the ${limit / 1024 / 1024} MB this site accepts.`
    : `The request is larger than the ${limit / 1024} KB this form accepts.`;
  if (!mayUpload && (length === null || !/^\d+$/.test(length))) return refuse(411, 'The request must say how long it is.');
  if (Number(length ?? 0) > limit) return refuse(413, tooLarge);
  const body = await readBody(request);
  if (body === null) return refuse(400, 'The request could not be read.');
  if (body.byteLength > limit) return refuse(413, tooLarge);

  const malformed = () => refuse(400, 'This request is not a form submission this site understands.');
  if (multipart) {
    const form = await parseMultipart(body, contentType);
    if (!form) return malformed();
    if (actionId === null) return validFormPost(form) ? null : malformed();
    return validReply((id) => form.get(String(id)), argumentList) ? null : malformed();
  }
  // Next.js itself answers a Next-Action call with a urlencoded body (404).
  if (contentType === 'application/x-www-form-urlencoded') return null;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(body);
  return validReply((id) => (id === 0 ? text : undefined), argumentList) ? null : malformed();
}
