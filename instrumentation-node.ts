// Records each request's connection address for rate limits, applies pending database migrations
// before the first request, so deploying a new version needs no separate step, then starts the
// background work. Builds skip it: they never need a database.
import { trackPeerAddresses } from './lib/actions/peer-address';
import { assertRuntimeEnv, env } from './lib/env.mjs';

export async function startServer() {
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  trackPeerAddresses();
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
  await startBackgroundWork();
}

async function startBackgroundWork() {
  // Only light modules here: the work itself runs in routes, reached over loopback.
  const { DATABASE_TAG } = await import('./lib/cache/tags');
  const { expireWhenListening } = await import('./lib/cache/outside-request');
  const { listenForRevalidation } = await import('./lib/cache/listen');
  const { requestSearchIndex, whenListening } = await import('./lib/jobs/loopback');
  const { startScheduler } = await import('./lib/jobs/scheduler');
  // Pages were prerendered without the database (see lib/content/published.ts): expire them once
  // the server listens, so the first request after start renders with the newsroom's articles.
  expireWhenListening([DATABASE_TAG]).catch((error) => console.error('Could not refresh pages at start:', error));
  // content/ files changed by a deploy are indexed now rather than on the first search.
  whenListening(requestSearchIndex).catch((error) => console.error('Could not index content/ for search at start:', error));
  await listenForRevalidation().catch((error) => console.error('Pages published by other app servers will not refresh here:', error));
  startScheduler();
  // Runs in this process (it needs no request): sends left under way by a restart are picked up again.
  const { startNewsletterDelivery } = await import('./lib/newsletter/delivery/job');
  startNewsletterDelivery().catch((error) => console.error('Newsletter sends under way could not be resumed:', error));
}
