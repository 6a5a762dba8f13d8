#!/usr/bin/env node
// Runs a command with a database: the PostgreSQL in DATABASE_URL when it is set, otherwise the
// embedded database under .data/ (see db/embedded.mjs), which this process then serves for as long
// as the command runs. Pending migrations are applied first.
//   node scripts/with-db.mjs next dev
//   node scripts/with-db.mjs --migrate-only
import { spawn } from 'node:child_process';

import { openEmbedded } from '../db/embedded.mjs';
import { runMigrations } from '../db/migrate.mjs';
import { env } from '../lib/env.mjs';

const [program, ...args] = process.argv.slice(2);
if (!program) {
  console.error('Usage: node scripts/with-db.mjs <command> [args...]');
  process.exit(2);
}

let database = { url: env.DATABASE_URL ?? '', owner: false, close: async () => {} };
if (!database.url) {
  const dir = env.EMBEDDED_DB_DIR;
  database = await openEmbedded(dir);
  console.log(`Embedded database ${dir} ${database.owner ? 'served' : 'shared'} at ${database.url}`);
}

try {
  await runMigrations(database.url);
} catch (error) {
  console.error(`Could not apply database migrations: ${error instanceof Error ? error.message : error}`);
  await database.close();
  process.exit(1);
}

if (program === '--migrate-only') {
  console.log('Migrations applied.');
  await database.close();
  process.exit(0);
}

const child = spawn(program, args, {
  stdio: 'inherit',
  // NEXT_MANUAL_SIG_HANDLE: the app stops itself on SIGTERM/SIGINT, once its running jobs finish (instrumentation-node.ts).
  env: { ...process.env, DATABASE_URL: database.url, NEXT_MANUAL_SIG_HANDLE: 'true', ...(env.DATABASE_URL ? {} : { DATABASE_EMBEDDED: '1' }) },
});

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
  process.on(signal, () => child.kill(signal));
}

child.on('exit', async (code, signal) => {
  await database.close();
  process.exit(code ?? (signal ? 1 : 0));
});
