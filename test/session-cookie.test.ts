import { describe, expect, it } from 'vitest';

import { hasSessionCookie, isSessionCookieName } from '@/lib/auth/session-cookie';

describe('the session cookie name', () => {
  it.each(['authjs.session-token', '__Secure-authjs.session-token', 'authjs.session-token.0', '__Secure-authjs.session-token.12'])('recognises %s', (name) =>
    expect(isSessionCookieName(name)).toBe(true),
  );

  it.each([
    'authjs.session-token-x',
    'xauthjs.session-token',
    'my.authjs.session-token',
    '__Host-authjs.session-token',
    '__secure-authjs.session-token',
    'authjs.session-token.',
    'authjs.session-token.a',
    'authjs.csrf-token',
    '__Secure-authjs.callback-url',
    'next-auth.session-token',
  ])('refuses the look-alike %s', (name) => expect(isSessionCookieName(name)).toBe(false));

  it('finds it among other cookies', () => {
    expect(hasSessionCookie([{ name: 'theme' }, { name: '__Secure-authjs.session-token.1' }])).toBe(true);
    expect(hasSessionCookie([{ name: 'theme' }, { name: 'authjs.csrf-token' }])).toBe(false);
  });
});
