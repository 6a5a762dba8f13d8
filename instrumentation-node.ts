// Records each request's connection address for rate limits, applies pending database migrations
// before the first request, so deploying a new version needs no separate step, then starts the
// background work. Builds skip it: they never need a database.
import { trackPeerAddresses } from './lib/actions/peer-address';
import { assertRuntimeEnv, env } from './lib/env.mjs';
import { log, quietUnrecognizedActions, trackRequestIds } from './lib/log';

export async function startServer() {
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  trackPeerAddresses();
  trackRequestIds();
  quietUnrecognizedActions();
  assertRuntimeEnv();
  if (!env.DATABASE_URL) {
    log.warn('DATABASE_URL is not set: the newsletter is unavailable. Start with `npm start` to use the embedded database.');
    return;
  }
  const { runMigrations } = await import('./db/migrate.mjs');
  await runMigrations(env.DATABASE_URL);
  // The newsroom's drafts are read in worker threads that take a few seconds to start.
  const { warmUntrustedMdx } = await import('./lib/content/untrusted/pool');
  warmUntrustedMdx();
  await startBackgroundWork();
}

const RESTART_MS = 30_000;

async function startBackgroundWork() {
  // Only light modules here: the work itself runs in routes, reached over loopback.
  const { DATABASE_TAG } = await import('./lib/cache/tags');
  const { expireWhenListening } = await import('./lib/cache/outside-request');
  const { listenForRevalidation } = await import('./lib/cache/listen');
  const { requestSearchIndex, requestWordCounts, whenListening } = await import('./lib/jobs/loopback');
  const { startWorkers, stopWorkers } = await import('./lib/jobs/workers');
  const { JOBS_GRACE_MS, shutDown, watchServers } = await import('./lib/shutdown');
  watchServers();
  // Pages were prerendered without the database (see lib/content/published.ts): expire them once
  // the server listens, so the first request after start renders with the newsroom's articles.
  expireWhenListening([DATABASE_TAG]).catch((error) => log.error({ err: error }, 'Could not refresh pages at start'));
  // content/ files changed by a deploy are indexed now rather than on the first search.
  whenListening(requestSearchIndex).catch((error) => log.error({ err: error }, 'Could not index content/ for search at start'));
  // Articles published before word counts were stored get theirs (and their reading time) now.
  whenListening(requestWordCounts).catch((error) => log.error({ err: error }, 'Could not count the words of older published articles'));
  await listenForRevalidation().catch((error) => log.error({ err: error }, 'Pages published by other app servers will not refresh here'));
  // Scheduled publications, the hourly clean-up and newsletter sends (see lib/jobs/queue.ts).
  const start = (): Promise<void> =>
    startWorkers().catch((error) => {
      log.error({ err: error }, `The job queue did not start; scheduled publications and newsletter sends wait. Trying again in ${RESTART_MS / 1000} s`);
      setTimeout(start, RESTART_MS).unref();
    });
  await start();
  // On SIGTERM or SIGINT (lib/shutdown.ts) the job queue takes no new job and the running ones get a
  // while to finish, the server answering meanwhile; then the server closes and the process exits.
  // That needs NEXT_MANUAL_SIG_HANDLE (Next.js's own setting; scripts/with-db.mjs sets it for `npm
  // start`): without it Next.js closes its server and exits by itself, and a job cut short is retried
  // when it expires.
  const manual = !!process.env.NEXT_MANUAL_SIG_HANDLE;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (manual) void shutDown(signal);
      else stopWorkers(JOBS_GRACE_MS).catch((error: unknown) => log.error({ err: error }, 'The job queue did not stop cleanly'));
    });
  }
}
