import { NextResponse, type NextRequest } from 'next/server';

// An early redirect for visitors without a session cookie. It is a convenience, not the protection:
// every editor page, route handler and action checks the session and the role itself.
const PUBLIC = ['/editor/login', '/editor/setup'];

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (PUBLIC.includes(pathname)) return NextResponse.next();
  const hasSession = request.cookies.getAll().some((cookie) => /(^|\.)authjs\.session-token/.test(cookie.name));
  if (!hasSession && request.method === 'GET') return NextResponse.redirect(new URL('/editor/login', request.url));
  return NextResponse.next();
}

export const config = { matcher: ['/editor/:path*'] };
