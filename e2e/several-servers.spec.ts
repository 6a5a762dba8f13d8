import { randomUUID } from 'node:crypto';

import { expect, type Page, test } from '@playwright/test';

import { expectNoAxeViolations } from './helpers/axe';
import { clientAddress } from './helpers/client-address';
import { firstArticle } from './helpers/content';
import { database } from './helpers/database';
import { draftRow, seedReadyDraft } from './helpers/drafts';
import { storageState } from './helpers/newsroom';
import { checkProductionConfig, type Proxy, startProxy } from './helpers/proxy';
import { formWith, unpublishedAfterEach } from './helpers/publishing';
import { rawRequest } from './helpers/raw-http';
import { startSecondServer } from './helpers/second-server';

// Production as deploy/ ships it: two `next start` of the build on this run's database, behind
// Debian's nginx running the shipped snippets. Ports of their own, next to the suite's server's.
const [portA, portB, proxyPort] = [101, 102, 103].map((offset) => Number(process.env.E2E_PORT ?? 3210) + offset) as [number, number, number];
// As the systemd unit runs them (npm start sets NEXT_MANUAL_SIG_HANDLE): behind one proxy.
const settings = { TRUSTED_PROXY_HOPS: '1', SEARCH_RATE_LIMIT: '5', NEXT_MANUAL_SIG_HANDLE: 'true' };
type Server = Awaited<ReturnType<typeof startSecondServer>>;
let serverA: Server;
let serverB: Server;
let proxy: Proxy;

test.describe.configure({ mode: 'default' });
test.use({ storageState: storageState('editor') });
test.beforeAll(async () => {
  test.setTimeout(180_000);
  [serverA, serverB] = await Promise.all([startSecondServer(settings, portA), startSecondServer(settings, portB)]);
  proxy = await startProxy(proxyPort, [`127.0.0.1:${portA}`, `127.0.0.1:${portB}`]);
  // Warm, as production servers are: the first article page a server renders also loads its code.
  for (const server of [serverA, serverB]) expect(await status(`${server.url}/articles/${firstArticle().slug}`)).toBe(200);
});
test.afterAll(async () => {
  await Promise.all([proxy?.stop(), serverA?.stop(), serverB?.stop()]);
});
const published = unpublishedAfterEach();
const viaProxy = (where: string, headers: Record<string, string> = {}) => rawRequest(`${proxy.url}${where}`, { headers });
const status = async (url: string) => (await rawRequest(url)).status;

async function publishOnA(page: Page, draftId: string, button: string, fill?: (page: Page) => Promise<void>) {
  await page.goto(`${serverA.url}/editor/drafts/${draftId}/publish`);
  await fill?.(page);
  await formWith(page, button).getByRole('button', { name: button, exact: true }).click();
  return formWith(page, button).getByRole('status');
}

test('the production configuration, with certificates where certbot puts them, passes nginx -t', () => {
  expect(checkProductionConfig()).toContain('test is successful');
});

test('a publication on server A is live on server B and through the proxy as soon as it is published', async ({ page }) => {
  const draft = await seedReadyDraft();
  const article = `/articles/${draft.slug}`;
  expect([await status(`${serverB.url}${article}`), (await viaProxy(article)).status]).toEqual([404, 404]);
  await expect(await publishOnA(page, draft.id, 'Publish now')).toContainText(/Published/, { timeout: 30_000 });
  published.push(draft.id);
  // The first request to each after "Published", no retries: server B's proxy.ts finds the address
  // published in the shared database and renders the article on demand, and its 404 was never cached.
  expect(await Promise.all([status(`${serverB.url}${article}`), status(`${proxy.url}${article}`)])).toEqual([200, 200]);
  expect((await viaProxy(article)).text).toContain(draft.title);
});

test('a scheduled publication runs exactly once across the servers', async ({ page }) => {
  const draft = await seedReadyDraft();
  // A few seconds ahead, in the newsroom's time zone (content/site.json): the queue wakes it then.
  const inAFewSeconds = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/London', dateStyle: 'short', timeStyle: 'medium' }).format(new Date(Date.now() + 6_000));
  const scheduled = await publishOnA(page, draft.id, 'Schedule', (page) => page.getByLabel('Publish at').fill(inAFewSeconds().replace(' ', 'T')));
  await expect(scheduled).toContainText('Version 1 is scheduled for', { timeout: 30_000 });
  published.push(draft.id);
  await expect.poll(() => status(`${proxy.url}/articles/${draft.slug}`), { timeout: 60_000, intervals: [250] }).toBe(200);

  const jobs = await database()<{ id: string; status: string; attempts: number; revision_id: string }[]>`
    select id, status, attempts, revision_id from publish_jobs where draft_id = ${draft.id}`;
  expect(jobs.map(({ status, attempts }) => ({ status, attempts }))).toEqual([{ status: 'done', attempts: 1 }]);
  const queued = await database()<{ state: string; retry_count: number; outcome: string }[]>`
    select state, retry_count, output->>'outcome' as outcome from pgboss.job where name = 'publish' and id = ${jobs[0]!.id}`;
  expect(queued).toEqual([{ state: 'completed', retry_count: 0, outcome: 'published' }]);
  expect((await draftRow(draft.id))?.published_revision_id).toBe(jobs[0]!.revision_id);
});

test('while server A restarts, every request through the proxy is answered by server B', async () => {
  test.setTimeout(120_000);
  const failures: string[] = [];
  let answered = 0;
  let polling = true;
  const poll = (async () => {
    // A new address each time, so each reaches an app server rather than the micro-cache.
    for (let n = 0; polling; n += 1) {
      const response = await viaProxy(`/?restart=${n}`).catch((error: Error) => ({ status: 0, text: error.message }));
      if (response.status === 200) answered += 1;
      else failures.push(`${response.status}: ${response.text.slice(0, 200)}`);
    }
  })();
  await new Promise((resolve) => setTimeout(resolve, 500));
  await serverA.stop();
  const whileDown = answered;
  serverA = await startSecondServer(settings, portA);
  expect(await status(`${serverA.url}/`)).toBe(200);
  polling = false;
  await poll;
  expect(failures).toEqual([]);
  expect(answered).toBeGreaterThan(whileDown);
});

test('pages, feeds and sitemaps come through the proxy compressed with gzip and brotli', async () => {
  const category = `/category/${firstArticle().category.slug}`;
  const bodies: [string, RegExp][] = [
    ['/', /<\/html>$/],
    [category, /<\/html>$/],
    ['/feed.xml', /<\/rss>\s*$/],
    ['/atom.xml', /<\/feed>\s*$/],
    ['/feed.json', /"items":/],
    [`${category}/feed.xml`, /<\/rss>\s*$/],
    ['/sitemap.xml', /<\/urlset>\s*$/],
    // Empty (<urlset … />) while no article is from the last two days.
    ['/news-sitemap.xml', /<urlset [^]*(\/>|<\/urlset>)\s*$/],
  ];
  for (const [where, body] of bodies) {
    for (const encoding of ['gzip', 'br']) {
      const response = await viaProxy(where, { 'accept-encoding': encoding });
      expect(response.status, where).toBe(200);
      expect(response.headers['content-encoding'], `${where} ${encoding}`).toBe(encoding);
      expect(response.text, where).toMatch(body);
    }
  }
});

test('an upload over the limit gets the proxy’s own readable 413 page', async ({ page }) => {
  const response = await rawRequest(`${proxy.url}/editor/drafts`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream' },
    body: Buffer.alloc(12 * 1024 * 1024),
  });
  expect(response.status).toBe(413);
  expect(response.headers['content-type']).toMatch(/^text\/html/);
  expect(response.text).toContain('That file is too large');
  await page.setContent(response.text);
  await expectNoAxeViolations(page);
});

test('the app counts the client address nginx saw, whatever X-Forwarded-For the client wrote', async () => {
  const key = 'search:127.0.0.1';
  await database()`delete from rate_limits where key = ${key}`;
  const search = async (n: number, url = proxy.url) => (await rawRequest(`${url}/search?q=forwarded${n}`, { headers: { 'x-forwarded-for': clientAddress() } })).text;
  // SEARCH_RATE_LIMIT is 5 on these servers.
  for (let n = 0; n < 5; n += 1) expect(await search(n)).not.toContain('You have searched a lot');
  expect(await search(5)).toContain('You have searched a lot');
  expect(await database()`select count from rate_limits where key = ${key}`).toEqual([{ count: 6 }]);
  // Without the proxy the header is the client's word: what nginx is there to replace.
  expect(await search(6, serverB.url)).not.toContain('You have searched a lot');
});

test('the micro-cache answers a second anonymous request itself, never a signed-in or preview one', async ({ page }) => {
  const fresh = () => `/?micro=${randomUUID()}`;
  const where = fresh();
  expect((await viaProxy(where)).headers['x-cache-status']).toBe('MISS');
  expect((await viaProxy(where)).headers['x-cache-status']).toBe('HIT');
  // A copy per encoding a client takes (a browser's list is one more), compressed once when it was
  // filled and sent as stored at each hit.
  for (const [accepted, encoding] of [
    ['gzip', 'gzip'],
    ['br', 'br'],
    ['gzip, deflate, br, zstd', 'br'],
  ] as const) {
    const [filled, hit] = [await viaProxy(where, { 'accept-encoding': accepted }), await viaProxy(where, { 'accept-encoding': accepted })];
    expect([filled.headers['x-cache-status'], hit.headers['x-cache-status']], accepted).toEqual(['MISS', 'HIT']);
    expect([hit.headers['content-encoding'], hit.body.equals(filled.body)], accepted).toEqual([encoding, true]);
  }
  // A client-side navigation (RSC payload) is not the HTML page.
  expect((await viaProxy(where, { rsc: '1' })).headers['x-cache-status']).toBe('MISS');

  const session = (await page.context().cookies()).find((cookie) => cookie.name === 'authjs.session-token');
  expect(session).toBeDefined();
  for (const cookie of [`authjs.session-token=${session!.value}`, 'theme=dark; __Secure-authjs.session-token.0=x', '__prerender_bypass=x']) {
    const personal = fresh();
    expect((await viaProxy(personal, { cookie })).headers['x-cache-status'], cookie).toBe('BYPASS');
    expect((await viaProxy(personal)).headers['x-cache-status'], cookie).toBe('MISS');
  }
  // A server action posts to the page's own address: it reaches the app, even while the page is cached.
  const action = await rawRequest(`${proxy.url}${where}`, { method: 'POST', headers: { 'next-action': 'x', 'content-type': 'text/plain' }, body: Buffer.from('[]') });
  expect(action.headers['x-cache-status']).toBeUndefined();
  expect(action.text).not.toEqual((await viaProxy(where)).text);
  for (let n = 0; n < 2; n += 1) expect((await viaProxy('/editor', { cookie: `authjs.session-token=${session!.value}` })).headers['x-cache-status']).toBeUndefined();
});
