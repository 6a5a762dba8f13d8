import 'server-only';

import { createHmac, timingSafeEqual } from 'node:crypto';

import type { z } from 'zod';

import { appSecret } from '../secret';

// The internal routes (a scheduled publication, revalidation) are called by the server itself over
// loopback, signed with APP_SECRET. The signature covers the route, the time and the body, so it is
// good for one route, for a short while, and for exactly that body.

/** A signed request older (or newer) than this is refused, so a captured one cannot be replayed later. */
const MAX_AGE_MS = 30_000;
/** The internal routes take a small JSON body; anything larger is refused before it is read. */
const MAX_BODY_BYTES = 16 * 1024;

const SIGNATURE_HEADER = 'x-broadsheet-signature';
const TIMESTAMP_HEADER = 'x-broadsheet-timestamp';

function hmac(path: string, timestamp: string, body: string): string {
  return createHmac('sha256', appSecret()).update(`${path}\n${timestamp}\n${body}`).digest('base64url');
}

export function signHeaders(path: string, body: string, now = Date.now()): Record<string, string> {
  const timestamp = String(now);
  return { [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: hmac(path, timestamp, body) };
}

/** The body of a correctly signed request to this route, or null (checked cheaply before reading it). */
export async function readSignedBody(request: Request, now = Date.now()): Promise<string | null> {
  const timestamp = request.headers.get(TIMESTAMP_HEADER);
  const signature = request.headers.get(SIGNATURE_HEADER);
  if (!timestamp || !signature || !/^\d{1,16}$/.test(timestamp)) return null;
  if (Math.abs(now - Number(timestamp)) > MAX_AGE_MS) return null;
  const length = Number(request.headers.get('content-length') ?? 'NaN');
  if (!Number.isFinite(length) || length > MAX_BODY_BYTES) return null;
  const body = await request.text();
  if (Buffer.byteLength(body) > MAX_BODY_BYTES) return null;
  const expected = Buffer.from(hmac(new URL(request.url).pathname, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? body : null;
}

/**
 * The checked JSON payload of a signed internal call, or the answer to give instead: 401 when it is
 * not correctly signed, 400 when it is not JSON or not what the route takes (`expected` says what is).
 */
export async function readSignedPayload<T>(request: Request, schema: z.ZodType<T>, expected: string): Promise<{ ok: true; data: T } | { ok: false; response: Response }> {
  const body = await readSignedBody(request);
  if (body === null) return { ok: false, response: new Response('Not signed, or signed too long ago.', { status: 401 }) };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, response: new Response('The body is not JSON.', { status: 400 }) };
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, response: new Response(`Expected ${expected}.`, { status: 400 }) };
}
