import 'server-only';

import { randomUUID } from 'node:crypto';

import type { JWT } from 'next-auth/jwt';

import { isSessionRevoked, revokeSession } from '@/db/queries/sessions';

/** How long one sign-in lasts, however often its cookie is re-issued in the meantime. */
export const SESSION_MAX_AGE_SECONDS = 8 * 3600;

/**
 * When the sign-in behind this token ends, or null when the token does not say when it began (a
 * cookie from before sign-in times were recorded, refused like an expired one). next-auth re-issues
 * the cookie with a fresh expiry on every session read, so the cookie's own expiry cannot be trusted.
 */
export function sessionEndsAt(signedInAt: unknown): Date | null {
  if (typeof signedInAt !== 'number' || !Number.isFinite(signedInAt)) return null;
  return new Date(signedInAt + SESSION_MAX_AGE_SECONDS * 1000);
}

export function isSignInCurrent(signedInAt: unknown, now = Date.now()): boolean {
  const ends = sessionEndsAt(signedInAt);
  return ends !== null && now < ends.getTime();
}

/**
 * next-auth's `jwt` callback: a fresh sign-in gets its own id and start time; any later read of the
 * cookie gets null (which ends the session and clears the cookie) once the sign-in is too old or
 * was signed out of, so a copied cookie cannot be kept alive by polling the session endpoint.
 */
export async function checkedToken(token: JWT, user?: { id?: string; sessionVersion?: number }): Promise<JWT | null> {
  if (user) {
    return {
      ...token,
      sub: user.id,
      sv: user.sessionVersion ?? 0,
      // This sign-in's own id (next-auth's jti changes whenever the cookie is re-issued), so signing
      // out ends this session and no other.
      sid: randomUUID(),
      signedInAt: Date.now(),
    };
  }
  if (typeof token.sid !== 'string' || !isSignInCurrent(token.signedInAt)) return null;
  if (await isSessionRevoked(token.sid)) return null;
  return token;
}

/** Signing out: refused until the sign-in would have ended anyway, when its token is refused by age. */
export async function endSession(token: JWT | null | undefined): Promise<void> {
  if (typeof token?.sid !== 'string') return;
  const ends = sessionEndsAt(token.signedInAt);
  if (ends && ends.getTime() > Date.now()) await revokeSession(token.sid, ends);
}
