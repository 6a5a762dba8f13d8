import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';

import { runMigrations } from '../db/migrate.mjs';
import { openOwnDatabase } from './helpers/own-database';

// A database of this file's own, migrated to one step before the code's newest migration, as a server
// started ahead of its migrations (or a restored older backup) would find it; its own queue schema.
const embedded = !!process.env.DATABASE_EMBEDDED;
const older = mkdtempSync(path.join(tmpdir(), 'broadsheet-migrations-'));
cpSync(path.resolve('db/migrations'), older, { recursive: true });
const journalFile = path.join(older, 'meta', '_journal.json');
const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: unknown[] };
writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, -1) }));
const database = await openOwnDatabase(async (url) => {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  await migrate(drizzle(sql), { migrationsFolder: older }).finally(() => sql.end());
});
process.env.JOB_QUEUE_SCHEMA = 'pgboss_health';
// Nothing listens here: the workers' calls to their own server fail quietly in the background.
process.env.PORT = '9';
const { closeAllDb } = await import('@/db');
const { checkHealth } = await import('@/lib/availability/health');
const { startWorkers, stopWorkers } = await import('@/lib/jobs/workers');

afterAll(async () => {
  rmSync(older, { recursive: true, force: true });
  await stopWorkers(2_000);
  // Bounded, as a stopping server closes them: a check that lost its race with the timeout during
  // the outage may still be waiting for its connection.
  await closeAllDb(2);
  await database.drop();
});

async function allowConnections(allow: boolean) {
  const url = new URL(process.env.DATABASE_URL!);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  const admin = postgres(url.href, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`alter database "${name}" allow_connections ${allow}`);
    if (!allow) await admin`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${name} and pid <> pg_backend_pid()`;
  } finally {
    await admin.end();
  }
}

// On the embedded database every file shares one database, where these workers' start-up sweep would
// take other files' newsletter sends: the e2e tests check the health route there.
describe.skipIf(embedded)('the health check', () => {
  it('says the migrations are behind on a database one step short of the code', async () => {
    expect(await checkHealth()).toEqual({ status: 'unavailable', checks: { database: 'ok', migrations: 'behind', queue: 'stopped' } });
  });

  it('is ok once the database is migrated and the workers run, and tells only which part is not', async () => {
    await runMigrations(process.env.DATABASE_URL!);
    expect((await checkHealth()).checks).toEqual({ database: 'ok', migrations: 'ok', queue: 'stopped' });
    await startWorkers();
    expect(await checkHealth()).toEqual({ status: 'ok', checks: { database: 'ok', migrations: 'ok', queue: 'ok' } });
  });

  it('says the database is unreachable while it refuses connections', async () => {
    await allowConnections(false);
    try {
      expect(await checkHealth()).toEqual({ status: 'unavailable', checks: { database: 'unreachable', migrations: 'unknown', queue: 'ok' } });
    } finally {
      await allowConnections(true);
    }
    await expect.poll(async () => (await checkHealth()).status, { timeout: 10_000 }).toBe('ok');
  });

  it('says the queue is stopping from the moment the server begins to stop', async () => {
    const stopping = stopWorkers(5_000);
    expect((await checkHealth()).checks.queue).toBe('stopping');
    await stopping;
    expect(await checkHealth()).toEqual({ status: 'unavailable', checks: { database: 'ok', migrations: 'ok', queue: 'stopping' } });
  });
});
