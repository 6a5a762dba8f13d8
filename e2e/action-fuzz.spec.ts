import { readFileSync } from 'node:fs';

import { type APIRequestContext, expect, test } from '@playwright/test';

import { clientAddress } from './helpers/client-address';

// Malformed, hostile and random posts to server actions of reader and newsroom pages. Whatever
// arrives, the answer is never a 500 and never shows a stack trace: 400 for what cannot be decoded,
// 403 for another site's Origin, 413 for a body over the limit; an unknown action id is answered by
// Next.js itself (400 when malformed, 409 when well-formed: its client reads that as a new deployment).

const manifest = JSON.parse(readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as { node: Record<string, { exportedName: string }> };
const idOf = (name: string) => Object.entries(manifest.node).find(([, entry]) => entry.exportedName === name)![0];

const targets = [
  { page: '/newsletter', action: 'subscribeAction' },
  { page: '/', action: 'subscribeAction' },
  { page: '/newsletter/confirm', action: 'confirmAction' },
  { page: '/editor/login', action: 'loginAction' },
  { page: '/editor/drafts/new', action: 'createDraftAction' },
  { page: '/editor/people', action: 'createPersonAction' },
];

const STACK = /\bat \S+ \(|\bat \S+:\d+:\d+|node_modules\/|\.[jt]sx?:\d+:\d+/;
const LIMIT = 11 * 1024 * 1024;

type Post = { name: string; expected: number[]; headers?: Record<string, string>; data?: string | Buffer; multipart?: Record<string, string> };

function fixedCases(id: string): Post[] {
  const call = { 'Next-Action': id, Accept: 'text/x-component' };
  const text = { ...call, 'Content-Type': 'text/plain;charset=UTF-8' };
  const boundary = '----fuzz';
  const raw = (parts: [string, string][]) =>
    parts.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join('') + `--${boundary}--\r\n`;
  const multipart = { ...call, 'Content-Type': `multipart/form-data; boundary=${boundary}` };
  const form = { 'Content-Type': `multipart/form-data; boundary=${boundary}` };
  return [
    { name: 'text that is not JSON', expected: [400], headers: text, data: 'not json{' },
    { name: 'a JSON string, not an argument list', expected: [400], headers: text, data: '"x"' },
    { name: 'a number', expected: [400], headers: text, data: '5' },
    { name: 'a reference to a missing Map', expected: [400], headers: text, data: '[null,"$Q9"]' },
    { name: 'a server reference', expected: [400], headers: text, data: '[null,"$h9"]' },
    { name: 'a promise of nothing', expected: [400], headers: text, data: '[null,"$@4"]' },
    { name: 'a path into nothing', expected: [400], headers: text, data: '[null,"$0:a:b"]' },
    { name: 'a huge BigInt', expected: [400], headers: text, data: `[null,"$n${'9'.repeat(400)}"]` },
    { name: 'a bare dollar', expected: [400], headers: text, data: '[null,"$"]' },
    { name: 'two thousand arguments', expected: [400], headers: text, data: JSON.stringify(Array(2000).fill(null)) },
    { name: 'plain values instead of a form', expected: [200], headers: text, data: '[null,{"email":"x"}]' },
    { name: 'JSON content type', expected: [200], headers: { ...call, 'Content-Type': 'application/json' }, data: '[null,{}]' },
    { name: 'broken multipart', expected: [400], headers: multipart, data: 'garbage' },
    { name: 'multipart without a boundary', expected: [400], headers: { ...call, 'Content-Type': 'multipart/form-data' }, data: 'garbage' },
    { name: 'multipart with no root', expected: [400], headers: multipart, data: raw([['1_email', 'x']]) },
    { name: 'multipart root not JSON', expected: [400], headers: multipart, data: raw([['0', '[null,']]) },
    { name: 'multipart root refers to a missing field', expected: [400], headers: multipart, data: raw([['0', '[null,"$7"]']]) },
    {
      name: 'multipart form as React sends it',
      expected: [200],
      headers: multipart,
      data: raw([
        ['0', '[null,"$K1"]'],
        ['1_email', 'not an address'],
      ]),
    },
    { name: 'a malformed action id', expected: [400], headers: { ...text, 'Next-Action': 'zzz' }, data: '[]' },
    { name: 'an action id this build does not have', expected: [409], headers: { ...text, 'Next-Action': 'ab'.repeat(21) }, data: '[null,{}]' },
    { name: 'another site', expected: [403], headers: { ...text, Origin: 'https://evil.example' }, data: '[null,{}]' },
    { name: 'an opaque origin', expected: [403], headers: { ...text, Origin: 'null' }, data: '[null,{}]' },
    { name: 'an origin that is not a URL', expected: [403], headers: { ...text, Origin: '::::' }, data: '[null,{}]' },
    { name: 'a body over the limit', expected: [413], headers: text, data: Buffer.alloc(LIMIT + 1024, 'a') },
    { name: 'a form without JavaScript from another site', expected: [403], headers: { ...form, Origin: 'https://evil.example' }, data: raw([[`$ACTION_ID_${id}`, '']]) },
    {
      name: 'a form without JavaScript, bound state broken',
      expected: [400],
      headers: form,
      data: raw([
        ['$ACTION_REF_1', ''],
        ['$ACTION_1:0', `{"id":"${id}","bound":"$@1"}`],
        ['$ACTION_1:1', 'garbage'],
      ]),
    },
    {
      name: 'a form without JavaScript, descriptor broken',
      expected: [400],
      headers: form,
      data: raw([
        ['$ACTION_REF_1', ''],
        ['$ACTION_1:0', '{"id":'],
      ]),
    },
    { name: 'a form without JavaScript, unknown action', expected: [400, 409], headers: form, data: raw([[`$ACTION_ID_${'cd'.repeat(21)}`, '']]) },
    { name: 'a form without JavaScript, body cut short', expected: [400], headers: form, data: raw([[`$ACTION_ID_${id}`, '']]).slice(0, 40) },
  ];
}

// A small seeded generator, so a failing run can be repeated exactly.
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  '$',
  '$$',
  '$@',
  '$Q',
  '$W',
  '$K',
  '$h',
  '$T',
  '$n',
  '$D',
  '$0:',
  '$1',
  '$i',
  '$B',
  '$R',
  '$undefined',
  '[',
  ']',
  '{',
  '}',
  '"',
  ':',
  ',',
  'null',
  '1',
  'x',
  '\\',
  '\u0000',
  'é',
  '$ACTION_',
];
const CONTENT_TYPES = ['text/plain;charset=UTF-8', 'multipart/form-data; boundary=----fuzz', 'multipart/form-data', 'application/json', 'application/octet-stream', ''];

function randomCases(id: string, next: () => number, count: number): Post[] {
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]!;
  return Array.from({ length: count }, (_, index) => {
    const body = Array.from({ length: 1 + Math.floor(next() * 24) }, () => pick(PIECES)).join('');
    const contentType = pick(CONTENT_TYPES);
    const data =
      contentType.includes('boundary') && next() < 0.7
        ? `------fuzz\r\nContent-Disposition: form-data; name="${pick(['0', '1', '1_email', '$ACTION_REF_1', '$ACTION_1:0'])}"\r\n\r\n${body}\r\n------fuzz--\r\n`
        : body;
    const headers: Record<string, string> = { ...(contentType ? { 'Content-Type': contentType } : {}), ...(next() < 0.8 ? { 'Next-Action': id } : {}) };
    return { name: `random #${index}: ${contentType} ${JSON.stringify(data.slice(0, 60))}`, expected: [200, 303, 307, 400, 404, 405, 409], headers, data };
  });
}

async function post(request: APIRequestContext, page: string, item: Post) {
  const response = await request.post(page, { headers: item.headers, data: item.data, maxRedirects: 0, failOnStatusCode: false });
  const body = await response.text();
  return { status: response.status(), body };
}

test('malformed server-action posts are answered in plain words, never with a 500 or a stack trace', async ({ playwright }) => {
  test.setTimeout(180_000);
  const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 100000);
  const next = random(seed);
  // Its own client address, so the sign-in and sign-up limits of other specs are not touched.
  const request = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL, extraHTTPHeaders: { 'x-forwarded-for': clientAddress() } });
  const failures: string[] = [];
  let sent = 0;
  for (const target of targets) {
    const id = idOf(target.action);
    for (const item of [...fixedCases(id), ...randomCases(id, next, 60)]) {
      const { status, body } = await post(request, target.page, item);
      sent++;
      if (!item.expected.includes(status) || STACK.test(body)) failures.push(`${status} ${target.page} ${target.action} ${item.name}: ${body.slice(0, 160)}`);
    }
  }
  await request.dispose();
  console.log(`Sent ${sent} malformed server-action posts (FUZZ_SEED=${seed}).`);
  expect(failures, `FUZZ_SEED=${seed}`).toEqual([]);
});
