import 'server-only';

import { latestMigrationTime } from '@/db/migrate.mjs';
import { migrationState } from '@/db/queries/health';
import { workersState } from '@/lib/jobs/workers';
import { log } from '@/lib/log';

// What /api/health answers a load balancer polling every few seconds: one short query, no secrets,
// no error text, only which part is not ready.

export type HealthReport = {
  status: 'ok' | 'unavailable';
  checks: {
    /** `failing`: it answers, but the check's query failed (the error is logged). */
    database: 'ok' | 'unreachable' | 'failing';
    /** `behind`: the code has migrations the database lacks (a server started before they ran, or a restore of an older backup). */
    migrations: 'ok' | 'behind' | 'unknown';
    /** `stopped`: the job queue did not start (it is retried every 30 s); `stopping`: the server is shutting down. */
    queue: 'ok' | 'stopping' | 'stopped';
  };
};

let expected: number | undefined;

export async function checkHealth(): Promise<HealthReport> {
  expected ??= latestMigrationTime();
  const state = await migrationState().catch((error: unknown) => {
    log.error({ err: error }, 'The health check could not read the applied migrations');
    return 'failing' as const;
  });
  const queue = workersState();
  const checks: HealthReport['checks'] = {
    database: state === 'failing' ? state : state.reachable ? 'ok' : 'unreachable',
    // A database ahead of this code (a newer server migrated it first) serves this code's queries too.
    migrations: state === 'failing' || !state.reachable ? 'unknown' : state.latest !== null && state.latest >= expected ? 'ok' : 'behind',
    queue: queue === 'running' ? 'ok' : queue,
  };
  const ok = checks.database === 'ok' && checks.migrations === 'ok' && checks.queue === 'ok';
  return { status: ok ? 'ok' : 'unavailable', checks };
}
