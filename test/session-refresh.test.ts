import { randomUUID } from 'node:crypto';

import { encode } from '@auth/core/jwt';
import { eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { handlers } from '@/auth';
import { closeDb, getDb } from '@/db';
import { isSessionRevoked, revokeSession } from '@/db/queries/sessions';
import { revokedSessions } from '@/db/schema';
import { SESSION_MAX_AGE_SECONDS } from '@/lib/auth/session-token';

const COOKIE = 'authjs.session-token';
const HOUR = 3600_000;
const ORIGIN = 'http://localhost';

/** A session cookie as next-auth would have issued it, for a sign-in `signedInAt` ms ago-or-later. */
async function cookieFor(claims: Record<string, unknown>): Promise<string> {
  const token = await encode({ token: { sub: randomUUID(), sv: 0, ...claims }, secret: process.env.APP_SECRET!, salt: COOKIE, maxAge: SESSION_MAX_AGE_SECONDS });
  return `${COOKIE}=${token}`;
}

/** What next-auth's own GET /api/auth/session answers for this cookie: the session, and whether it re-issued the cookie. */
async function poll(cookie: string) {
  const response = await handlers.GET(new NextRequest(`${ORIGIN}/api/auth/session`, { headers: { cookie } }));
  const reissued = response.headers.getSetCookie().find((line) => line.startsWith(`${COOKIE}=`)) ?? '';
  return { session: (await response.json()) as { sessionId?: string } | null, renewed: /^[^=]+=[^;]+;/.test(reissued) };
}

/** Signing out through next-auth's own route, as a form post with its CSRF token. */
async function signOutByRoute(cookie: string): Promise<void> {
  const csrf = await handlers.GET(new NextRequest(`${ORIGIN}/api/auth/csrf`));
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  const body = new URLSearchParams({ csrfToken, callbackUrl: '/editor/login' });
  const response = await handlers.POST(
    new NextRequest(`${ORIGIN}/api/auth/signout`, {
      method: 'POST',
      body,
      headers: { cookie: `${cookie}; ${csrfCookie}`, 'content-type': 'application/x-www-form-urlencoded' },
    }),
  );
  expect(response.status).toBeLessThan(400);
}

let previousTrustHost: string | undefined;
beforeAll(() => {
  previousTrustHost = process.env.AUTH_TRUST_HOST;
  process.env.AUTH_TRUST_HOST = 'true';
});
afterAll(async () => {
  if (previousTrustHost === undefined) delete process.env.AUTH_TRUST_HOST;
  else process.env.AUTH_TRUST_HOST = previousTrustHost;
  await closeDb();
});

describe('a copied session cookie kept refreshed', () => {
  it('is renewed while its sign-in is current and not signed out of', async () => {
    const sid = randomUUID();
    const { session, renewed } = await poll(await cookieFor({ sid, signedInAt: Date.now() - HOUR }));
    expect(session?.sessionId).toBe(sid);
    expect(renewed).toBe(true);
  });

  it('is refused once signed out of, and not renewed', async () => {
    const sid = randomUUID();
    await revokeSession(sid, new Date(Date.now() + HOUR));
    const { session, renewed } = await poll(await cookieFor({ sid, signedInAt: Date.now() - HOUR }));
    expect(session).toBeNull();
    expect(renewed).toBe(false);
  });

  it('is refused once the sign-in is older than the maximum age, however fresh the cookie', async () => {
    const signedInAt = Date.now() - SESSION_MAX_AGE_SECONDS * 1000 - 60_000;
    const { session, renewed } = await poll(await cookieFor({ sid: randomUUID(), signedInAt }));
    expect(session).toBeNull();
    expect(renewed).toBe(false);
    expect((await poll(await cookieFor({ sid: randomUUID() }))).session).toBeNull();
  });

  it("signing out by next-auth's route keeps the session refused until the sign-in would have ended", async () => {
    const sid = randomUUID();
    const signedInAt = Date.now() - 7 * HOUR;
    // A cookie re-issued a moment ago: its own expiry is 8 h away, the sign-in ends in 1 h.
    const cookie = await cookieFor({ sid, signedInAt });
    await signOutByRoute(cookie);
    expect(await isSessionRevoked(sid)).toBe(true);
    const [row] = await getDb().select().from(revokedSessions).where(eq(revokedSessions.sessionId, sid));
    expect(row?.expiresAt.getTime()).toBe(signedInAt + SESSION_MAX_AGE_SECONDS * 1000);
    expect((await poll(cookie)).session).toBeNull();
  });
});
