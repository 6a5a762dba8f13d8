import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import { type APIRequestContext, expect, test } from '@playwright/test';

import { can, type Permission, type Role } from '../lib/auth/roles';
import { database } from './helpers/database';
import { people, storageState } from './helpers/newsroom';

// Every page, route handler and server action of the newsroom is found here from the source and the
// build, never from a hand-kept list, and must refuse visitors without a session and roles too weak.

const EDITOR_DIR = path.join('app', '(editor)');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

// Pages under a [param] are called with a draft and an author profile that exist (made below), so a
// page that the role may open answers 200 rather than 404.
const SAMPLE_DRAFT_ID = '00000000-0000-4000-8000-00000000d4af';

const urlOf = (file: string) =>
  '/' +
  path
    .dirname(path.relative('app', file))
    .split(path.sep)
    .filter((segment) => !/^\(.*\)$/.test(segment))
    .map((segment) => (segment.startsWith('[') ? SAMPLE_DRAFT_ID : segment))
    .join('/');

const PUBLIC_PAGES = new Set(['/editor/login', '/editor/login/code', '/editor/setup', '/editor/not-allowed']);

/** The permission a file asks for: requireUser('…') or can(user.role, '…'); the shell needs editor:enter. */
function permissionIn(file: string): Permission | null {
  const source = readFileSync(file, 'utf8');
  const match = /route\.tsx?$/.test(file) ? source.match(/can\(user\.role, '([\w:-]+)'\)/) : source.match(/requireUser\('([\w:-]+)'\)/);
  if (match) return match[1] as Permission;
  return /requireUser\(\)/.test(source) ? 'editor:enter' : null;
}

const sourceFiles = files(EDITOR_DIR);
const pages = sourceFiles.filter((file) => /[/\\](page|route)\.tsx?$/.test(file)).map((file) => ({ file, url: urlOf(file), kind: file.includes('route.') ? 'route' : 'page' }));

type ActionEntry = { id: string; filename: string; exportedName: string; page: string };
const manifest = JSON.parse(readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as {
  node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }>;
};
const actions: ActionEntry[] = Object.entries(manifest.node)
  .filter(([, entry]) => entry.filename.startsWith('app/(editor)/editor/(shell)/'))
  .map(([id, entry]) => ({ id, filename: entry.filename, exportedName: entry.exportedName, page: urlOf(`${Object.keys(entry.workers)[0]}.tsx`) }));

function actionPermission(action: ActionEntry): Permission {
  const source = readFileSync(action.filename, 'utf8');
  const match = source.match(new RegExp(`export const ${action.exportedName} = editorAction(?:<[^(]*>)?\\('([\\w:-]+)'`));
  if (!match) throw new Error(`${action.filename}: ${action.exportedName} is not built with editorAction(permission, …)`);
  return match[1] as Permission;
}

// The accounts these calls aim at (other specs, running in parallel, only touch their own rows).
const targets = Object.values(people).map((person) => person.email);

async function snapshot(): Promise<string> {
  const [known] = await database()`select md5(string_agg(u::text, '|' order by email)) as digest from users u where email in ${database()(targets)}`;
  const [mallory] = await database()`select count(*)::int as count from users where email like 'mallory%'`;
  const [draft] =
    await database()`select md5(d::text) as digest, (select count(*)::int from draft_revisions where draft_id = d.id) as revisions from drafts d where id = ${SAMPLE_DRAFT_ID}`;
  // The site's settings, its banner and its front page: the specs that change them (the *-publishing ones, front-page) run in the
  // publishing project, which starts only after this (chromium) project has finished, so any change here is a refused call's.
  const [site] = await database()`select (select md5(coalesce(string_agg(s::text, '|'), '')) from site_settings s) as settings,
    (select count(*)::int from breaking_news) as banners, (select md5(coalesce(string_agg(f::text, '|'), '')) from front_page_slots f) as front`;
  const [profile] = await database()`select md5(p::text) as digest from author_profiles p where id = ${SAMPLE_DRAFT_ID}`;
  const [profiles] = await database()`select count(*)::int as count from author_profiles where name = 'Mallory'`;
  return `${known!.digest}/${mallory!.count}/${draft?.digest}/${draft?.revisions}/${site!.settings}/${site!.banners}/${site!.front}/${profile?.digest}/${profiles!.count}`;
}

/** The contributor's draft and the guest's profile every [id] page and action is called with. */
test.beforeAll(async () => {
  const sql = database();
  const [contributor] = await sql`select id from users where email = ${people.contributor.email}`;
  await sql`insert into author_profiles (id, slug, name, kind) values (${SAMPLE_DRAFT_ID}, 'access-check-guest', 'Access check guest', 'contributor') on conflict do nothing`;
  await sql.begin(async (tx) => {
    const created = await tx`insert into drafts (id, slug, title, category, created_by, updated_by)
      values (${SAMPLE_DRAFT_ID}, 'access-check-sample', 'Access check sample', '', ${contributor!.id}, ${contributor!.id})
      on conflict do nothing returning id`;
    if (created.length === 0) return;
    const content = {
      title: 'Access check sample',
      slug: 'access-check-sample',
      standfirst: '',
      category: '',
      tags: [],
      authorIds: [],
      credit: '',
      heroImageId: null,
      heroAlt: '',
      heroCredit: '',
      body: '',
      featured: false,
    };
    await tx`insert into draft_revisions (draft_id, version, content, summary, saved_by) values (${SAMPLE_DRAFT_ID}, 1, ${tx.json(content)}, 'Created', ${contributor!.id})`;
  });
});

/**
 * Calls a server action the two ways a client can, a plain form POST and the header the router uses,
 * and returns what the action answered to the latter.
 */
async function callAction(request: APIRequestContext, action: ActionEntry): Promise<string> {
  const userId = (await database()`select id from users where email = ${people.admin.email}`)[0]!.id as string;
  const fields = {
    id: SAMPLE_DRAFT_ID,
    version: '1',
    baseVersion: '1',
    title: 'Mallory',
    body: 'Mallory was here',
    userId,
    role: 'admin',
    name: 'Mallory',
    email: `mallory-${Date.now()}@example.org`,
    password: 'a password that is long',
    currentPassword: 'x',
    newPassword: 'another long password',
    confirmPassword: 'another long password',
  };
  const form = await request.post(action.page, { multipart: { [`$ACTION_ID_${action.id}`]: '', ...fields }, maxRedirects: 0 });
  // The action was found and ran (a 404 or 409 would mean this test never reached it).
  expect([200, 303, 307], `${action.exportedName} by form on ${action.page}`).toContain(form.status());
  const header = await request.post(action.page, {
    headers: { 'Next-Action': action.id, 'Content-Type': 'text/plain;charset=UTF-8', Accept: 'text/x-component' },
    data: JSON.stringify([null, fields]),
    maxRedirects: 0,
  });
  expect(header.status(), `${action.exportedName} by header`).toBe(200);
  return header.text();
}

test('the newsroom has pages and actions to check', () => {
  expect(pages.map((page) => page.url)).toEqual(expect.arrayContaining(['/editor', '/editor/people', '/editor/subscribers/export', `/editor/authors/${SAMPLE_DRAFT_ID}`]));
  expect(actions.map((action) => action.exportedName)).toEqual(expect.arrayContaining(['createPersonAction', 'changePasswordAction', 'saveAuthorProfileAction']));
  for (const page of pages) if (!PUBLIC_PAGES.has(page.url)) expect(permissionIn(page.file), `${page.file} must check the session itself`).not.toBeNull();
});

// A cookie that looks like a session gets past proxy.ts, so it is each page's own check that is tested.
const forgedSession = { Cookie: 'authjs.session-token=forged' };

test.describe('without a session', () => {
  for (const page of pages.filter((candidate) => !PUBLIC_PAGES.has(candidate.url))) {
    test(`${page.url} refuses`, async ({ request }) => {
      for (const headers of [{}, forgedSession]) {
        const response = await request.get(page.url, { maxRedirects: 0, headers });
        // A route may answer 401 or, when a browser navigates to it (the preview), send it to the login page.
        const location = response.headers().location ?? '';
        if (page.kind === 'route' && 'Cookie' in headers && !location) expect(response.status()).toBe(401);
        else expect(location, JSON.stringify(headers)).toMatch(/\/editor\/login$/);
      }
    });
  }

  test('every newsroom action refuses and changes nothing', async ({ request }) => {
    for (const action of actions) {
      const before = await snapshot();
      expect(await callAction(request, action), action.exportedName).toContain('Your session has ended. Please sign in again.');
      expect(await snapshot(), `${action.exportedName} changed data`).toBe(before);
    }
  });

  test('the setup page and action are gone once an account exists', async ({ request }) => {
    expect((await request.get('/editor/setup')).status()).toBe(404);
    const setup = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === 'setupAction');
    expect(setup).toBeDefined();
    const before = await snapshot();
    const response = await request.post('/editor/setup', {
      multipart: { [`$ACTION_ID_${setup![0]}`]: '', name: 'Mallory', email: 'mallory@example.org', password: 'a password that is long' },
      maxRedirects: 0,
    });
    expect(response.status()).toBeLessThan(500);
    expect(await snapshot()).toBe(before);
  });
});

for (const role of ['contributor', 'editor'] as const satisfies Role[]) {
  test.describe(`as ${role}`, () => {
    test.use({ storageState: storageState(role) });

    test('pages and routes beyond the role refuse', async ({ request }) => {
      for (const page of pages.filter((candidate) => !PUBLIC_PAGES.has(candidate.url))) {
        const permission = permissionIn(page.file)!;
        const response = await request.get(page.url, { maxRedirects: 0 });
        const location = response.headers().location ?? '';
        if (can(role, permission)) {
          // Allowed: the page itself, or (the preview route) a redirect onward, never to the login or refusal pages.
          if (page.kind === 'page') expect(response.status(), `${role} on ${page.url}`).toBe(200);
          else expect(response.status(), `${role} on ${page.url}`).toBeLessThan(400);
          expect(location, `${role} on ${page.url}`).not.toMatch(/\/editor\/(login|not-allowed)$/);
        } else if (page.kind === 'route' && !location) expect(response.status(), `${role} on ${page.url}`).toBe(403);
        else expect(location, `${role} on ${page.url}`).toMatch(/\/editor\/not-allowed$/);
      }
    });

    test('actions beyond the role refuse and change nothing', async ({ request }) => {
      for (const action of actions.filter((candidate) => !can(role, actionPermission(candidate)))) {
        const before = await snapshot();
        expect(await callAction(request, action), action.exportedName).toContain('You are not allowed to do that.');
        expect(await snapshot(), `${action.exportedName} changed data`).toBe(before);
      }
    });
  });
}
