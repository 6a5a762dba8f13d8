import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { appSecret } from '../secret';

/** A signed request older (or newer) than this is refused, so a captured one cannot be replayed later. */
const MAX_AGE_MS = 30_000;

export const SIGNATURE_HEADER = 'x-broadsheet-signature';
export const TIMESTAMP_HEADER = 'x-broadsheet-timestamp';

function hmac(timestamp: string, body: string): string {
  return createHmac('sha256', appSecret()).update(`revalidate\n${timestamp}\n${body}`).digest('base64url');
}

export function signHeaders(body: string, now = Date.now()): Record<string, string> {
  const timestamp = String(now);
  return { [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: hmac(timestamp, body) };
}

export function verifySignature(headers: Headers, body: string, now = Date.now()): boolean {
  const timestamp = headers.get(TIMESTAMP_HEADER);
  const signature = headers.get(SIGNATURE_HEADER);
  if (!timestamp || !signature || !/^\d{1,16}$/.test(timestamp)) return false;
  if (Math.abs(now - Number(timestamp)) > MAX_AGE_MS) return false;
  const expected = Buffer.from(hmac(timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
