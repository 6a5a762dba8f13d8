/**
 * Whether a cookie is next-auth's session cookie: `authjs.session-token`, `__Secure-authjs.session-token`
 * over https, and either one split into `.0`, `.1`… when the token is too large for one cookie.
 * Only for early decisions (a redirect, a body limit): the session itself is checked by `auth()`.
 */
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

export const isSessionCookieName = (name: string) => SESSION_COOKIE.test(name);

export const hasSessionCookie = (cookies: readonly { name: string }[]) => cookies.some((cookie) => isSessionCookieName(cookie.name));
