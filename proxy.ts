import { type NextRequest, NextResponse } from 'next/server';

import { databaseAnswers } from './db/queries/health';
import { hasSessionCookie } from './lib/auth/session-cookie';
import { newsroomUnavailable } from './lib/availability/newsroom-unavailable';
import { addressExists, isDraftAddress } from './lib/content/addresses';
import { env } from './lib/env.mjs';
import { routes } from './lib/routes';
import { refuseBadAction } from './lib/security/action-guard';
import { editorPolicy, siteIsHttps } from './lib/security/headers.mjs';

const https = siteIsHttps(env.SITE_URL);

// An early redirect for visitors without a session cookie. It is a convenience, not the protection:
// every editor page, route handler and action checks the session and the role itself.
const PUBLIC = [routes.editor.login(), routes.editor.loginCode(), routes.editor.setup()];

const EMAIL_PREVIEW = new RegExp(`^${routes.editor.draftEmail('[^/]+')}$`);

const hasSession = (request: NextRequest) => hasSessionCookie(request.cookies.getAll());

async function editor(request: NextRequest) {
  // Without the database nobody can sign in and no newsroom page can render: say so plainly.
  if (!(await databaseAnswers())) return newsroomUnavailable();
  if (!PUBLIC.includes(request.nextUrl.pathname) && !hasSession(request) && request.method === 'GET') {
    return NextResponse.redirect(new URL(routes.editor.login(), request.url));
  }
  // The email preview is a mail client's document (inline styles, no scripts): its route sends its own
  // policy, which Next.js would drop in favour of one set here.
  if (EMAIL_PREVIEW.test(request.nextUrl.pathname)) return NextResponse.next();
  // Next.js reads the nonce from the request's policy and puts it on every script it renders.
  const policy = editorPolicy({ https, nonce: Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString('base64') });
  const headers = new Headers(request.headers);
  headers.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
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

export async function proxy(request: NextRequest) {
  const editorPath = /^\/editor(\/|$)/.test(request.nextUrl.pathname);
  const refusal = await refuseBadAction(request, request.nextUrl.pathname, editorPath && hasSession(request));
  if (refusal) return refusal;
  return editorPath ? editor(request) : site(request);
}

export const config = {
  matcher: [
    '/editor/:path*',
    '/articles/:slug',
    '/tag/:path*',
    '/category/:slug',
    '/category/:slug/page/:page',
    '/category/:slug/feed.xml',
    '/category/:slug/atom.xml',
    '/category/:slug/feed.json',
    '/authors/:path*',
    '/page/:page',
    '/archive/:year/:month',
    // Server-action posts to any page (Next.js forwards them to the page that has the action).
    { source: '/((?!_next/).*)', has: [{ type: 'header', key: 'next-action' }] },
    { source: '/((?!_next/).*)', has: [{ type: 'header', key: 'content-type', value: 'multipart/form-data.*' }] },
  ],
};
