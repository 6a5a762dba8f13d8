import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { Page } from '@playwright/test';

import { createTestDatabase } from '../scripts/test-database.mjs';

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
    const ok = await fetch(url).then(
      async (response) => (await response.text(), response.ok),
      () => false,
    );
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

/**
 * A throwaway database for one benchmark, named in the environment the server and the e2e seeding
 * helpers read (set before either is imported). `drop` closes the seeding connection first.
 */
export async function openBenchDatabase(): Promise<{ url: string; embedded: boolean; drop: () => Promise<void> }> {
  const database = await createTestDatabase('bench');
  process.env.DATABASE_URL = database.url;
  if (database.embedded) process.env.DATABASE_EMBEDDED = '1';
  process.env.E2E_DB_URL_FILE = path.join(tmpdir(), `broadsheet-bench-${process.pid}.database-url`);
  writeFileSync(process.env.E2E_DB_URL_FILE, database.url);
  // next-auth trusts only hosts it is told to: here, our own loopback.
  process.env.AUTH_TRUST_HOST = 'true';
  return {
    url: database.url,
    embedded: database.embedded,
    drop: async () => {
      const { database: seedConnection } = await import('../e2e/helpers/database');
      await seedConnection().end();
      // The server's connections close as it stops; dropping sooner would wait on them.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await database.drop();
    },
  };
}
