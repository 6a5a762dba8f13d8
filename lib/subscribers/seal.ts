import { createHmac, timingSafeEqual } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';

/** How long a preview can be confirmed: long enough to read it, short enough that a stale page is not imported. */
export const SEAL_TTL_MS = 60 * 60 * 1000;

const mac = (secret: string, body: string) => createHmac('sha256', secret).update(`subscriber-import:${body}`).digest('base64url');

/**
 * The previewed file, carried by the confirmation form instead of being stored: compressed, bound to
 * the admin who previewed it and to an expiry, and signed, so the import writes exactly the file that
 * was previewed and nobody can have a different one imported in their name.
 */
export function sealImport(text: string, userId: string, secret: string, now = Date.now()): string {
  const body = `${now + SEAL_TTL_MS}.${deflateRawSync(Buffer.from(text, 'utf8')).toString('base64url')}`;
  return `${body}.${mac(secret, `${userId}.${body}`)}`;
}

export function unsealImport(sealed: string, userId: string, secret: string, now = Date.now()): { ok: true; text: string } | { ok: false; error: string } {
  const [expires, payload, signature, extra] = sealed.split('.');
  const refused = { ok: false as const, error: 'This preview is not valid any more. Upload the file again.' };
  if (!expires || !payload || !signature || extra !== undefined) return refused;
  const expected = Buffer.from(mac(secret, `${userId}.${expires}.${payload}`));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return refused;
  if (Number(expires) < now) return { ok: false, error: 'This preview is more than an hour old. Upload the file again to see what it would do now.' };
  return { ok: true, text: inflateRawSync(Buffer.from(payload, 'base64url')).toString('utf8') };
}
