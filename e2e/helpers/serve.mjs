// Starts the production build for the end-to-end tests on this run's own, freshly migrated
// database (see scripts/test-database.mjs), and drops that database when stopped.
import { spawn } from 'node:child_process';
import { createWriteStream, writeFileSync } from 'node:fs';

import { createTestDatabase } from '../../scripts/test-database.mjs';

const port = process.env.E2E_PORT ?? '3210';
const database = await createTestDatabase('e2e');
// The tests read the database directly to check what was (and was not) stored.
if (process.env.E2E_DB_URL_FILE) writeFileSync(process.env.E2E_DB_URL_FILE, database.url);
const child = spawn('npx', ['next', 'start', '-H', '127.0.0.1', '-p', port], {
  stdio: ['ignore', 'pipe', 'pipe'],
  env: { ...process.env, DATABASE_URL: database.url, ...(database.embedded ? { DATABASE_EMBEDDED: '1' } : {}) },
});
// The server's output goes to the terminal as before, and into a file the tests of its log read.
const log = process.env.E2E_SERVER_LOG ? createWriteStream(process.env.E2E_SERVER_LOG) : undefined;
child.stdout.on('data', (chunk) => (process.stdout.write(chunk), log?.write(chunk)));
child.stderr.on('data', (chunk) => (process.stderr.write(chunk), log?.write(chunk)));

let stopping = false;
/** @param {number} code */
async function stop(code) {
  if (stopping) return;
  stopping = true;
  child.kill('SIGTERM');
  await database.drop().catch((error) => console.error('Dropping the e2e database failed:', error));
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stop(0));
child.on('exit', (code) => stop(code ?? 1));
