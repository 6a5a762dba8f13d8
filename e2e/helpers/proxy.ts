import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';

// The production proxy of deploy/nginx/, run by Debian's nginx as the current user on loopback: the
// shipped snippets, upstream file and compressing layer, included as they are; only the listening
// address (plain http), the app servers' ports, the socket and the folders (cache, logs, pid) are this
// test's own.

const DEPLOY = path.resolve('deploy', 'nginx');
const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((file) => existsSync(file));
const BROTLI = '/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so';
const SOCKET = '/run/nginx-broadsheet.sock';
const INSTALL = 'apt-get install nginx libnginx-mod-http-brotli-filter libnginx-mod-http-brotli-static (.ci/run installs them)';

/** Debian's nginx binary and brotli module: the proxy under test, so a missing one fails the test. */
export function nginxBinary(): string {
  if (!NGINX) throw new Error(`nginx is not installed, and the proxy tests need it: ${INSTALL}`);
  if (!existsSync(BROTLI)) throw new Error(`nginx's brotli module is not installed (${BROTLI}), and the proxy tests need it: ${INSTALL}`);
  return NGINX;
}

/** Runs `nginx -t` on a configuration: its verdict, or nginx's own words when it refuses it. */
function checkConfig(prefix: string, conf: string): string {
  const check = spawnSync(nginxBinary(), ['-t', '-p', prefix, '-e', `${prefix}/error.log`, '-c', conf], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nginx -t refused ${conf}:\n${check.stderr}`);
  return check.stderr;
}

/** `nginx -t` on deploy/nginx/broadsheet.conf as shipped, but for a self-signed certificate where certbot puts one. */
export function checkProductionConfig(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'broadsheet-nginx-t-'));
  try {
    const certificate = ['-subj', '/CN=news.example.org', '-keyout', `${dir}/privkey.pem`, '-out', `${dir}/fullchain.pem`];
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', ...certificate], { stdio: 'ignore' });
    const site = readFileSync(path.join(DEPLOY, 'broadsheet.conf'), 'utf8')
      .replaceAll('/etc/nginx/broadsheet', DEPLOY)
      .replaceAll('/etc/letsencrypt/live/news.example.org', dir)
      .replaceAll(SOCKET, `${dir}/compressing.sock`)
      .replace('/var/cache/nginx/broadsheet', `${dir}/cache`);
    writeFileSync(`${dir}/site.conf`, site);
    writeFileSync(`${dir}/nginx.conf`, mainConfig(dir, `include ${dir}/site.conf;`));
    return checkConfig(dir, `${dir}/nginx.conf`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The top of an nginx.conf of our own in `dir`: brotli loaded, pid, logs and temp files in `dir`. */
function mainConfig(dir: string, http: string): string {
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `${kind}_temp_path ${dir}/${kind};`).join('\n  ');
  return `load_module ${BROTLI};
${userInfo().uid === 0 ? 'user root;' : ''}
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log ${dir}/access.log;
  ${temp}
${http}
}
`;
}

/** deploy/nginx/upstream-two.conf with its two app servers moved to these addresses. */
function upstream(servers: [string, string]): string {
  const shipped = readFileSync(path.join(DEPLOY, 'upstream-two.conf'), 'utf8');
  const moved = shipped.replace('127.0.0.1:3001', servers[0]).replace('127.0.0.1:3002', servers[1]);
  if (moved.split(servers[0]).length !== 2 || moved.split(servers[1]).length !== 2) throw new Error('deploy/nginx/upstream-two.conf no longer names 127.0.0.1:3001 and :3002');
  return moved;
}

/** The shipped compressing layer (deploy/nginx/broadsheet.conf's upstream and server on a socket), on a socket in `dir`. */
function compressingLayer(dir: string): string {
  const blocks = /^upstream broadsheet_compressing \{$[^]*?^server \{$[^]*?^\}$/m.exec(readFileSync(path.join(DEPLOY, 'broadsheet.conf'), 'utf8'));
  if (!blocks?.[0].includes(SOCKET)) throw new Error(`deploy/nginx/broadsheet.conf has no compressing layer on ${SOCKET}`);
  return blocks[0].replaceAll(SOCKET, `${dir}/compressing.sock`).replaceAll('/etc/nginx/broadsheet', DEPLOY);
}

/** The shipped cache zone (deploy/nginx/broadsheet.conf's proxy_cache_path), kept in `dir`. */
function cachePath(dir: string): string {
  const line = /^proxy_cache_path \S+ (.+);$/m.exec(readFileSync(path.join(DEPLOY, 'broadsheet.conf'), 'utf8'));
  if (!line) throw new Error('deploy/nginx/broadsheet.conf has no proxy_cache_path line');
  return `proxy_cache_path ${dir}/cache ${line[1]};`;
}

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

export type Proxy = { url: string; dir: string; stop: () => Promise<void> };

/** Starts nginx on 127.0.0.1:`port` in front of the two app servers (host:port each). */
export async function startProxy(port: number, servers: [string, string]): Promise<Proxy> {
  const nginx = nginxBinary();
  const dir = mkdtempSync(path.join(tmpdir(), 'broadsheet-nginx-'));
  for (const folder of ['cache', 'logs']) mkdirSync(path.join(dir, folder));
  const site = `
  include ${DEPLOY}/snippets/http.conf;
  include ${DEPLOY}/snippets/brotli.conf;
  ${upstream(servers)}
  ${cachePath(dir)}
  ${compressingLayer(dir)}
  server {
    listen 127.0.0.1:${port};
    server_name 127.0.0.1;
    set $broadsheet_pages ${DEPLOY};
    include ${DEPLOY}/snippets/site.conf;
  }`;
  const conf = path.join(dir, 'nginx.conf');
  writeFileSync(conf, mainConfig(dir, site));
  checkConfig(dir, conf);
  const child = spawn(nginx, ['-p', dir, '-e', `${dir}/error.log`, '-c', conf], { stdio: ['ignore', 'inherit', 'inherit'] });
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  for (let tries = 0; !(await listening(port)); tries += 1) {
    if (child.exitCode !== null || tries > 100) {
      const log = existsSync(path.join(dir, 'error.log')) ? readFileSync(path.join(dir, 'error.log'), 'utf8') : '';
      await stop();
      throw new Error(`nginx did not start on 127.0.0.1:${port}:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { url: `http://127.0.0.1:${port}`, dir, stop };
}
