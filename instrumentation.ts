// Runs once when a server starts: applies pending database migrations before the first request,
// so deploying a new version needs no separate step. Builds skip it: they never need a database.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { assertRuntimeEnv, env } = await import('./lib/env.mjs');
  assertRuntimeEnv();
  if (!env.DATABASE_URL) {
    console.warn('DATABASE_URL is not set: the newsletter is unavailable. Start with `npm start` to use the embedded database.');
    return;
  }
  const { runMigrations } = await import('./db/migrate.mjs');
  await runMigrations(env.DATABASE_URL);
}
