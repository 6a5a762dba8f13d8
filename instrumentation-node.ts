// Records each request's connection address for rate limits, applies pending database migrations
// before the first request, so deploying a new version needs no separate step, then starts the
// background work. Builds skip it: they never need a database.
import { trackPeerAddresses } from './lib/actions/peer-address';
import { assertRuntimeEnv, env } from './lib/env.mjs';
import { log } from './lib/log';

export async function startServer() {
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  trackPeerAddresses();
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

/** How long running jobs get to finish when the server stops; one still running is retried elsewhere. */
const STOP_TIMEOUT_MS = 20_000;
const RESTART_MS = 30_000;

async function startBackgroundWork() {
  // Only light modules here: the work itself runs in routes, reached over loopback.
  const { DATABASE_TAG } = await import('./lib/cache/tags');
  const { expireWhenListening } = await import('./lib/cache/outside-request');
  const { listenForRevalidation } = await import('./lib/cache/listen');
  const { requestSearchIndex, requestWordCounts, whenListening } = await import('./lib/jobs/loopback');
  const { startWorkers, stopWorkers } = await import('./lib/jobs/workers');
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
  // On SIGTERM or SIGINT the queue takes no new job and gives running ones STOP_TIMEOUT_MS to finish
  // (the server still answers meanwhile, a publication's loopback call included), then the process
  // exits. That needs NEXT_MANUAL_SIG_HANDLE (Next.js's own setting; scripts/with-db.mjs sets it for
  // `npm start`): without it Next.js exits once its own server has closed, and a job cut short is
  // retried by another server when it expires.
  const manual = !!process.env.NEXT_MANUAL_SIG_HANDLE;
  for (const [signal, code] of [
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const) {
    process.once(signal, () => {
      if (manual) log.info(`${signal}: finishing running jobs (up to ${STOP_TIMEOUT_MS / 1000} s), then stopping.`);
      stopWorkers(STOP_TIMEOUT_MS)
        .catch((error) => log.error({ err: error }, 'The job queue did not stop cleanly'))
        .finally(() => manual && process.exit(code));
    });
  }
}
