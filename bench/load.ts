// Requests per second and p99 latency of the home, article and section pages under `next start`
// (50 connections, gzip accepted); of the framework's floor, a static Next.js page built with the
// same next whose HTML weighs what the article's does gzipped, and about as much plain
// (bench/floor.ts), and of a page with one heading from the same build (what nearly no HTML
// costs); and of the same pages through the deploy/nginx configuration (a temporary prefix,
// upstream = the running next start).
// The targets take turns, round after round, so the other work on the machine weighs on all of
// them alike; the median round is printed, with the ratios the issue sets goals for (article ≥
// 0.75× the floor; proxy ≥ 10×).
// BENCH_NGINX_COMPARE names more nginx folders, comma-separated (say an earlier deploy/nginx), run in the same rounds.
//   npm run build && npm run bench:load
//   BENCH_ROUNDS=3 BENCH_SECONDS=10 BENCH_NGINX_DIR=deploy/nginx npm run bench:load
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

import autocannon from 'autocannon';

import { loadContent } from '../lib/content/load';
import { buildFloor, prose, startFloor } from './floor';
import { startServer } from './server';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 50;
const APP_PORT = Number(process.env.BENCH_PORT ?? 3561);
const FLOOR_PORT = APP_PORT + 1;
const PROXY_PORT = APP_PORT + 2;
const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
// Debian's module, which production loads from modules-enabled/ (a path relative to nginx's prefix).
const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so';
const NGINX_DIR = path.resolve(process.env.BENCH_NGINX_DIR ?? 'deploy/nginx');
const COMPARE_DIRS = (process.env.BENCH_NGINX_COMPARE ?? '')
  .split(',')
  .filter(Boolean)
  .map((dir) => path.resolve(dir));
const SOCKET = '/run/nginx-broadsheet.sock';

type Figures = { requestsPerSecond: number; p99: number; errors: number };

/**
 * One autocannon run, reduced to what is printed. On two threads: one thread of autocannon tops out
 * near 4,000 req/s on the article's 16 KB answers while the nginx in front of it used a fifth of a
 * core, so the proxy's figure was the client's.
 */
async function load(url: string): Promise<Figures> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, workers: 2, headers: { 'accept-encoding': 'gzip' } });
  return { requestsPerSecond: result.requests.average, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

async function waitFor(url: string, what: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (
      await fetch(url).then(
        (response) => response.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what} did not answer on ${url} within 60 s`);
}

/** broadsheet.conf's compressing layer (its upstream and server on a socket), on a socket in `prefix`; none in a folder without one. */
function compressingLayer(nginxDir: string, prefix: string): string {
  const blocks = /^upstream broadsheet_compressing \{$[^]*?^server \{$[^]*?^\}$/m.exec(readFileSync(path.join(nginxDir, 'broadsheet.conf'), 'utf8'));
  return blocks ? blocks[0].replaceAll(SOCKET, `${prefix}/compressing.sock`).replaceAll('/etc/nginx/broadsheet', nginxDir) : '';
}

/** nginx on a temporary prefix with `nginxDir`'s snippets (what production includes), in front of `upstream`. */
function startProxy(upstream: string, nginxDir: string, port: number): { process: ChildProcess; prefix: string } {
  const prefix = mkdtempSync(path.join(tmpdir(), 'broadsheet-nginx-'));
  const cache = path.join(prefix, 'cache');
  mkdirSync(cache);
  // The workers run as nginx's unprivileged user when the master is root.
  for (const dir of [prefix, cache]) chmodSync(dir, 0o777);
  const snippets = path.join(nginxDir, 'snippets');
  const brotli = existsSync(BROTLI_MODULE);
  writeFileSync(
    path.join(prefix, 'nginx.conf'),
    `${brotli ? `load_module ${BROTLI_MODULE};\n` : ''}worker_processes auto;
daemon off;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  include /etc/nginx/mime.types;
  include ${snippets}/http.conf;
  ${brotli ? `include ${snippets}/brotli.conf;` : ''}
  upstream broadsheet { server ${new URL(upstream).host}; keepalive 32; }
  proxy_cache_path ${cache} levels=1:2 keys_zone=broadsheet:20m max_size=256m inactive=1d use_temp_path=off;
  ${compressingLayer(nginxDir, prefix)}
  server {
    listen 127.0.0.1:${port};
    set $broadsheet_pages ${nginxDir};
    include ${snippets}/site.conf;
  }
}
`,
  );
  const child = spawn(NGINX, ['-p', prefix, '-c', path.join(prefix, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'inherit'], detached: true });
  return { process: child, prefix };
}

const content = await loadContent();
const article = content.articles[0]!;
const pages = { home: '/', article: `/articles/${article.slug}`, section: `/category/${article.category.slug}` };

for (const dir of [NGINX_DIR, ...COMPARE_DIRS]) {
  if (!existsSync(path.join(dir, 'snippets', 'site.conf'))) throw new Error(`No nginx configuration in ${dir}: set BENCH_NGINX_DIR or BENCH_NGINX_COMPARE.`);
}
const app = await startServer(APP_PORT);
let floor: ChildProcess | undefined;
const proxies: { process: ChildProcess; prefix: string }[] = [];
let floorDir: string | undefined;
try {
  const articleHtml = await (await fetch(app.url + pages.article)).text();
  // The floor's prose starts with the benchmarked article's own paragraphs.
  floorDir = buildFloor(articleHtml, prose([article, ...content.articles.filter((other) => other !== article)]));
  floor = startFloor(floorDir, FLOOR_PORT);
  const floorUrl = `http://127.0.0.1:${FLOOR_PORT}`;
  await waitFor(floorUrl, 'The floor app');
  const floorHtml = await (await fetch(floorUrl)).text();
  proxies.push(startProxy(app.url, NGINX_DIR, PROXY_PORT));
  const proxyUrl = `http://127.0.0.1:${PROXY_PORT}`;
  await waitFor(proxyUrl, 'nginx');
  const compareUrls: string[] = [];
  for (const [index, dir] of COMPARE_DIRS.entries()) {
    const port = PROXY_PORT + 1 + index;
    proxies.push(startProxy(app.url, dir, port));
    compareUrls.push(`http://127.0.0.1:${port}`);
    await waitFor(compareUrls[index]!, `nginx with ${dir}`);
    console.log(`proxy, compare ${index + 1}: ${dir}`);
  }

  const targets: Record<string, string> = { floor: `${floorUrl}/`, 'bare page': `${floorUrl}/bare` };
  for (const [name, route] of Object.entries(pages)) {
    targets[`${name} (next start)`] = app.url + route;
    targets[`${name} (proxy)`] = proxyUrl + route;
    for (const [index, url] of compareUrls.entries()) targets[`${name} (proxy, compare ${index + 1})`] = url + route;
  }
  // One short run each first: the image optimiser, the page cache and the proxy's cache are warm.
  for (const url of Object.values(targets)) await (await fetch(url)).text();

  const runs: Record<string, Figures[]> = {};
  const loads: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const [name, url] of Object.entries(targets)) {
      loads.push(loadavg()[0]!);
      (runs[name] ??= []).push(await load(url));
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const figures = Object.fromEntries(
    Object.entries(runs).map(([name, list]) => [
      name,
      { requestsPerSecond: median(list.map((run) => run.requestsPerSecond)), p99: median(list.map((run) => run.p99)), errors: list.reduce((sum, run) => sum + run.errors, 0) },
    ]),
  );
  console.log(`${ROUNDS} rounds of ${SECONDS} s, ${CONNECTIONS} connections; load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} during the runs`);
  const sizes = (html: string) => `${Buffer.byteLength(html)} bytes (${gzipSync(html).length} gzipped)`;
  console.log(`HTML: article ${sizes(articleHtml)}, floor ${sizes(floorHtml)}`);
  console.table(
    Object.entries(figures).map(([name, row]) => ({ target: name, 'req/s (median)': Math.round(row.requestsPerSecond), 'p99 (ms)': row.p99, 'errors + non-2xx': row.errors })),
  );
  const rate = (name: string) => figures[name]!.requestsPerSecond;
  const rows: Record<string, string>[] = [];
  for (const name of Object.keys(pages)) {
    rows.push({
      page: name,
      'next start / floor': `${(rate(`${name} (next start)`) / rate('floor')).toFixed(2)}×${name === 'article' ? ' (goal ≥ 0.75×)' : ''}`,
      'next start / bare page': `${(rate(`${name} (next start)`) / rate('bare page')).toFixed(2)}×`,
      'proxy / next start': `${(rate(`${name} (proxy)`) / rate(`${name} (next start)`)).toFixed(1)}× (goal ≥ 10×)`,
      ...Object.fromEntries(
        compareUrls.map((_, index) => [`compare ${index + 1} / next start`, `${(rate(`${name} (proxy, compare ${index + 1})`) / rate(`${name} (next start)`)).toFixed(1)}×`]),
      ),
    });
  }
  console.table(rows);
  // Per round, so a reader can see how much the machine moved under the figures.
  console.log(
    'article / floor per round:',
    runs['article (next start)']!.map((run, index) => (run.requestsPerSecond / runs.floor![index]!.requestsPerSecond).toFixed(2)).join(', '),
  );
} finally {
  for (const proxy of proxies) {
    proxy.process.kill('SIGQUIT');
    rmSync(proxy.prefix, { recursive: true, force: true });
  }
  if (floor) process.kill(-floor.pid!, 'SIGTERM');
  app.stop();
  if (floorDir) rmSync(floorDir, { recursive: true, force: true });
}
