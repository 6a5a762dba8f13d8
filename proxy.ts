import { NextResponse, type NextRequest } from 'next/server';
import { addressExists, isDraftAddress } from './lib/publishing/addresses';

// An early redirect for visitors without a session cookie. It is a convenience, not the protection:
// every editor page, route handler and action checks the session and the role itself.
const PUBLIC = ['/editor/login', '/editor/login/code', '/editor/setup'];

const hasSession = (request: NextRequest) => request.cookies.getAll().some((cookie) => /(^|\.)authjs\.session-token/.test(cookie.name));

function editor(request: NextRequest) {
  if (PUBLIC.includes(request.nextUrl.pathname)) return NextResponse.next();
  if (!hasSession(request) && request.method === 'GET') return NextResponse.redirect(new URL('/editor/login', request.url));
  return NextResponse.next();
}

// Pages that gain addresses when the newsroom publishes render on demand, and a 404 rendered on
// demand is an empty shell that needs JavaScript (vercel/next.js#62228). So an address that does not
// exist is rewritten to one no route matches: Next.js answers with the complete static 404 page.
async function site(request: NextRequest) {
  const { pathname } = request.nextUrl;
  // A signed-in editor previewing an unpublished draft: the page checks the session and the draft.
  if (request.cookies.has('__prerender_bypass') && hasSession(request) && (await isDraftAddress(pathname))) return NextResponse.next();
  const exists = await addressExists(pathname);
  if (exists === false) return NextResponse.rewrite(new URL('/_no-such-page', request.url));
  return NextResponse.next();
}

export function proxy(request: NextRequest) {
  return request.nextUrl.pathname.startsWith('/editor') ? editor(request) : site(request);
}

export const config = {
  matcher: ['/editor/:path*', '/articles/:slug', '/tag/:path*', '/category/:slug/page/:page', '/authors/:path*', '/page/:page', '/archive/:year/:month'],
};
