import type { Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Starts `next start` on a loopback port for a benchmark, the way `npm start` does: on DATABASE_URL,
 * or on an embedded database in a temporary folder. The build must exist.
 */
export async function startServer(port: number): Promise<{ url: string; stop: () => void }> {
  if (!existsSync('.next/BUILD_ID')) throw new Error('No production build: run `npm run build` first.');
  const child: ChildProcess = spawn('node', ['scripts/with-db.mjs', 'next', 'start', '-H', '127.0.0.1', '-p', String(port)], {
    stdio: 'ignore',
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: '1',
      APP_SECRET: process.env.APP_SECRET ?? randomBytes(32).toString('base64url'),
      EMBEDDED_DB_DIR: path.join(mkdtempSync(path.join(tmpdir(), 'broadsheet-bench-')), 'pglite'),
    },
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const ok = await fetch(url).then(async (response) => (await response.text(), response.ok), () => false);
    if (ok) return { url, stop: () => process.kill(-child.pid!, 'SIGTERM') };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  process.kill(-child.pid!, 'SIGTERM');
  throw new Error(`next start did not answer on ${url} within 60 s`);
}

export const chromiumOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

/** The account every benchmark signs in as. */
export const BENCH_ADMIN = { name: 'Bench Admin', email: 'bench.admin@newsroom.example', password: 'correct horse battery bench' };

/** Runs first-run setup in the browser on a fresh server, leaving `page` signed in as BENCH_ADMIN. */
export async function setUpBenchAdmin(page: Page): Promise<void> {
  await page.goto('/editor/setup');
  await page.getByLabel('Your name').fill(BENCH_ADMIN.name);
  await page.getByLabel('Email address').fill(BENCH_ADMIN.email);
  await page.getByLabel('Password').fill(BENCH_ADMIN.password);
  await page.getByRole('button', { name: 'Create admin account' }).click();
  await page.getByRole('heading', { level: 1, name: `Welcome, ${BENCH_ADMIN.name}` }).waitFor();
}
