import 'server-only';

import { subscribe } from 'node:diagnostics_channel';
import type { Server } from 'node:http';

import { closeAllDb } from '@/db';
import { stopWorkers } from '@/lib/jobs/workers';
import { log } from '@/lib/log';

// How a server stops on SIGTERM (systemd, a container runtime, a deploy) or SIGINT: in order, so that
// nothing a reader or a job started is lost, and within a bound, so that a stuck job cannot hold up
// a deploy.

/** Running jobs get this long to finish; one still running then goes back to the queue (see stopQueue). */
export const JOBS_GRACE_MS = 20_000;
/** Requests still being answered once the jobs are done get this long; their connections are then closed. */
const REQUESTS_GRACE_MS = 5_000;
/** Past this, whatever is still running, the process exits (with 1). */
export const STOP_BOUND_MS = 30_000;

// `next start` does not hand out its HTTP server; every request names the server it came to.
const servers = new Set<Server>();
let watching = false;

/** Notes the HTTP servers of this process as requests reach them (a server that never had one has none to finish). */
export function watchServers(): void {
  if (watching) return;
  watching = true;
  subscribe('http.server.request.start', (message) => servers.add((message as { server: Server }).server));
}

/** Stops accepting connections, lets the requests under way finish, then closes what is left. */
async function closeServers(): Promise<void> {
  await Promise.all(
    [...servers].map(
      (server) =>
        new Promise<void>((resolve) => {
          const force = setTimeout(() => server.closeAllConnections(), REQUESTS_GRACE_MS);
          server.close(() => {
            clearTimeout(force);
            resolve();
          });
          // Keep-alive connections with no request under way would hold close() open.
          server.closeIdleConnections();
        }),
    ),
  );
}

let stopping: Promise<void> | undefined;

/**
 * The stop: no new jobs (the health check answers 503 "stopping" from now, so a load balancer stops
 * sending readers), running jobs finish or go back to the queue, then the HTTP server stops accepting
 * and finishes its requests, the database clients close, and the process exits: 0 when all of that
 * went to plan. A second signal changes nothing.
 */
export function shutDown(signal: string): Promise<void> {
  stopping ??= (async () => {
    const bound = setTimeout(() => {
      log.error(`Not stopped within ${STOP_BOUND_MS / 1000} s: exiting anyway.`);
      process.exit(1);
    }, STOP_BOUND_MS);
    bound.unref();
    log.info({ signal }, `Stopping: finishing running jobs (up to ${JOBS_GRACE_MS / 1000} s), then the requests under way.`);
    let clean = true;
    const step = async (what: string, work: () => Promise<void>) => {
      try {
        await work();
      } catch (error) {
        clean = false;
        log.error({ err: error }, `${what} did not stop cleanly`);
      }
    };
    // The server keeps answering until the jobs are done: a scheduled publication runs through it.
    await step('The job queue', () => stopWorkers(JOBS_GRACE_MS));
    await step('The HTTP server', closeServers);
    await step('The database connections', () => closeAllDb());
    log.info({ signal, clean }, 'Stopped.');
    process.exit(clean ? 0 : 1);
  })();
  return stopping;
}
