import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { refuseBadAction, ROUTE_HANDLERS_TAKING_POSTS } from '@/lib/security/action-guard';
import { commonHeaders, editorPolicy, readerPolicy, siteIsHttps } from '@/lib/security/headers.mjs';
import { ACTION_BODY_LIMIT_BYTES, PUBLIC_ACTION_BODY_LIMIT_BYTES } from '@/lib/security/limits.mjs';

describe('security headers', () => {
  it('promise https (HSTS, upgrade-insecure-requests) only when SITE_URL is https', () => {
    expect(siteIsHttps('https://news.example.org')).toBe(true);
    expect(siteIsHttps('http://localhost:3000')).toBe(false);
    expect(siteIsHttps(undefined)).toBe(false);
    const names = (https: boolean) => commonHeaders({ https }).map((header) => header.key);
    expect(names(true)).toContain('Strict-Transport-Security');
    expect(names(false)).not.toContain('Strict-Transport-Security');
    expect(readerPolicy({ https: true })).toMatch(/; upgrade-insecure-requests$/);
    expect(readerPolicy({ https: false })).not.toContain('upgrade-insecure-requests');
  });

  it('allow inline scripts on reader pages only, and nowhere inline styles or event handlers', () => {
    const editor = editorPolicy({ https: false, nonce: 'abc' });
    expect(editor).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(editor).not.toContain('unsafe-inline');
    for (const policy of [editor, readerPolicy({ https: false })]) {
      expect(policy).toContain("style-src 'self';");
      expect(policy).toContain("script-src-attr 'none'");
      for (const directive of ["object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'"]) expect(policy).toContain(directive);
    }
  });
});

const ORIGIN = 'http://news.example.org';
const ID = '7f'.repeat(21);

// A FormData body brings its own multipart content type (with the boundary).
function action(body: BodyInit | null, headers: Record<string, string> = {}, pathname = '/newsletter') {
  const all = new Headers({
    host: 'news.example.org',
    origin: ORIGIN,
    'next-action': ID,
    ...(body instanceof FormData ? {} : { 'content-type': 'text/plain;charset=UTF-8' }),
    ...headers,
  });
  return new Request(`${ORIGIN}${pathname}`, { method: 'POST', headers: all, body });
}

// As a signed-in newsroom request, the one kind that may carry uploads (public posts: see below).
const status = async (request: Request, mayUpload = true) => (await refuseBadAction(request, new URL(request.url).pathname, mayUpload))?.status ?? 'passed';

function reactForm(root: string, fields: Record<string, string>) {
  const form = new FormData();
  form.append('0', root);
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return form;
}

describe('server-action posts refused before Next.js answers them with a 500', () => {
  it('let through what React sends', async () => {
    expect(await status(action('[null,{"email":"a@example.org"}]'))).toBe('passed');
    expect(await status(action(reactForm('[{"ok":false,"error":"x","values":{"t":"$$5"}},"$K1"]', { '1_title': 'Hello' })))).toBe('passed');
    expect(await status(action(reactForm('["$T","$K1","$undefined","$D2026-01-01","$n12","$1:a"]', { '1': '{"a":[1]}' })))).toBe('passed');
  });

  it('refuse another site, an oversized body and bodies React cannot decode', async () => {
    expect(await status(action('[]', { origin: 'https://evil.example' }))).toBe(403);
    expect(await status(action('[]', { origin: 'null' }))).toBe(403);
    expect(await status(action('x'.repeat(ACTION_BODY_LIMIT_BYTES + 1)))).toBe(413);
    for (const body of ['not json', '"x"', '[null,"$Q1"]', '[null,"$h1"]', '[null,"$@1"]', '[null,"$0:a"]', '[null,"$"]', `[null,"$n${'1'.repeat(301)}"]`, '[null,"$nx"]']) {
      expect(await status(action(body)), body).toBe(400);
    }
    expect(await status(action('garbage', { 'content-type': 'multipart/form-data; boundary=x' }))).toBe(400);
    expect(await status(action(reactForm('[null,"$2"]', {})))).toBe(400);
  });

  it('refuse anonymous posts that say no length or carry more than a form needs, before reading them', async () => {
    const sized = (body: string) => action(body, { 'content-length': String(Buffer.byteLength(body)) });
    expect(await status(sized('[null,{"email":"a@example.org"}]'), false)).toBe('passed');
    expect(await status(action('[null,{"email":"a@example.org"}]'), false)).toBe(411);
    expect(await status(sized('x'.repeat(PUBLIC_ACTION_BODY_LIMIT_BYTES + 1)), false)).toBe(413);
    // A length that lies is caught when the body is read.
    expect(await status(action('x'.repeat(PUBLIC_ACTION_BODY_LIMIT_BYTES + 1), { 'content-length': '10' }), false)).toBe(413);
  });

  it('check the bound state of a form sent without JavaScript', async () => {
    const form = (descriptor: string, bound: string) => {
      const data = new FormData();
      data.append('$ACTION_REF_1', '');
      data.append('$ACTION_1:0', descriptor);
      data.append('$ACTION_1:1', bound);
      return action(data);
    };
    const withoutHeader = async (request: Request) => {
      const headers = new Headers(request.headers);
      headers.delete('next-action');
      return new Request(request.url, { method: 'POST', headers, body: await request.arrayBuffer() });
    };
    expect(await status(await withoutHeader(form(`{"id":"${ID}","bound":"$@1"}`, '[null]')))).toBe('passed');
    expect(await status(await withoutHeader(form(`{"id":"${ID}","bound":"$@1"}`, 'garbage')))).toBe(400);
    expect(await status(await withoutHeader(form('{"id":', '[]')))).toBe(400);
  });

  it('leave alone what is not a server action: other methods, plain posts, route handlers', async () => {
    expect(await refuseBadAction(new Request(`${ORIGIN}/newsletter`), '/newsletter', false)).toBeNull();
    const plain = new Request(`${ORIGIN}/newsletter`, { method: 'POST', headers: { origin: 'https://evil.example', 'content-type': 'text/plain' }, body: 'x' });
    expect(await refuseBadAction(plain, '/newsletter', false)).toBeNull();
    expect(await status(action('garbage', { origin: 'https://mail.example' }, '/newsletter/unsubscribe/one-click'))).toBe('passed');
  });

  it('know every route handler that takes POSTs', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => (statSync(path.join(dir, name)).isDirectory() ? files(path.join(dir, name)) : [path.join(dir, name)]));
    const posting = files('app')
      .filter((file) => /route\.tsx?$/.test(file) && /export (const \{[^}]*\bPOST\b|(async )?function POST\b)/.test(readFileSync(file, 'utf8')))
      .map(
        (file) =>
          '/' +
          path
            .dirname(path.relative('app', file))
            .split(path.sep)
            .filter((segment) => !/^\(.*\)$/.test(segment))
            .join('/'),
      );
    expect(posting.length).toBeGreaterThan(0);
    for (const route of posting)
      expect(
        ROUTE_HANDLERS_TAKING_POSTS.some((prefix) => `${route}/`.startsWith(prefix) || route.startsWith(prefix)),
        route,
      ).toBe(true);
  });
});
