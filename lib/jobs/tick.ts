import 'server-only';

import { expire } from '../cache/expire';
import { runCleanupIfDue } from '../maintenance/cleanup';
import { runDueJobs } from './publish';

/**
 * One tick of the scheduler, inside a request so the pages that changed can be expired at once:
 * publishes the due jobs, then runs the hourly clean-up (lib/maintenance/cleanup.ts).
 */
export async function runTick() {
  const results = await runDueJobs();
  for (const result of results) {
    if (result.outcome === 'published' && result.tags) {
      await expire(result.tags);
    } else if (result.outcome !== 'lost') {
      console.warn(`Scheduled publication ${result.job.id} did not go out (${result.outcome}); see the newsroom dashboard.`);
    }
  }
  // After the publications, which must not wait for it; a failed clean-up is tried again next hour.
  const cleaned = await runCleanupIfDue().catch((error: unknown) => {
    console.error('The hourly clean-up failed:', error);
    return null;
  });
  return { ran: results.map(({ job, outcome }) => ({ job: job.id, outcome })), cleaned };
}
