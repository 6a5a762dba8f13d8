import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

import { isUuid } from '../validation';

export const CONFIRMATION_TTL_HOURS = 48;

/** A single-use confirmation token: the email carries `token`, the database keeps only `hash`. */
export function newConfirmationToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function signature(subscriberId: string, secret: string): string {
  return createHmac('sha256', secret).update(`unsubscribe:${subscriberId}`).digest('base64url');
}

/**
 * The unsubscribe token of a subscriber: their id signed with the app secret. It never expires, so
 * the link in any email, however old, still works; it cannot be forged for another subscriber.
 */
export function unsubscribeToken(subscriberId: string, secret: string): string {
  return `${subscriberId}.${signature(subscriberId, secret)}`;
}

/** The subscriber id in a valid unsubscribe token, or null for anything tampered with. */
export function verifyUnsubscribeToken(token: string, secret: string): string | null {
  const [id, given, extra] = token.split('.');
  if (!id || !given || extra !== undefined || !isUuid(id)) return null;
  const expected = Buffer.from(signature(id, secret));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? id : null;
}
