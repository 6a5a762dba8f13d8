// Runs once when a server starts: records each request's connection address for rate limits,
// applies pending database migrations before the first request, so deploying a new version needs
// no separate step, then starts the publishing scheduler. Builds skip it: they never need a database.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { trackPeerAddresses } = await import('./lib/actions/peer-address');
  trackPeerAddresses();
  const { assertRuntimeEnv, env } = await import('./lib/env.mjs');
  assertRuntimeEnv();
  if (!env.DATABASE_URL) {
    console.warn('DATABASE_URL is not set: the newsletter is unavailable. Start with `npm start` to use the embedded database.');
    return;
  }
  const { runMigrations } = await import('./db/migrate.mjs');
  await runMigrations(env.DATABASE_URL);
  // The newsroom's drafts are read in worker threads that take a few seconds to start.
  const { warmUntrustedMdx } = await import('./lib/content/untrusted/pool');
  warmUntrustedMdx();
  await startPublishing();
}

async function startPublishing() {
  // Only light modules here: the publishing code itself runs in routes, reached over loopback.
  const { DATABASE_TAG } = await import('./lib/content/cache-tags');
  const { requestRevalidationWhenListening, requestSearchIndex, startScheduler, whenListening } = await import('./lib/publishing/revalidate');
  const { listenForRevalidation } = await import('./lib/publishing/listen');
  // Pages were prerendered without the database (see lib/content/published.ts): expire them once
  // the server listens, so the first request after start renders with the newsroom's articles.
  requestRevalidationWhenListening([DATABASE_TAG]).catch((error) => console.error('Could not refresh pages at start:', error));
  // content/ files changed by a deploy are indexed now rather than on the first search.
  whenListening(requestSearchIndex).catch((error) => console.error('Could not index content/ for search at start:', error));
  await listenForRevalidation().catch((error) => console.error('Pages published by other app servers will not refresh here:', error));
  startScheduler();
}
