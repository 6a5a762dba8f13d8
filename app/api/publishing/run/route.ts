import { revalidateTag } from 'next/cache';
import { broadcastRevalidation } from '@/lib/publishing/broadcast';
import { readSignedBody } from '@/lib/publishing/signature';
import { runCleanupIfDue } from '@/lib/maintenance/cleanup';
import { runDueJobs } from '@/lib/publishing/worker';

// The scheduler's tick (instrumentation.ts calls it over loopback, signed): publishes the due jobs
// inside a request, so the pages they change can be expired right here. It also runs the hourly
// clean-up (lib/maintenance/cleanup.ts).
export async function POST(request: Request) {
  const body = await readSignedBody(request);
  if (body === null) return new Response('Not signed, or signed too long ago.', { status: 401 });
  const results = await runDueJobs();
  for (const result of results) {
    if (result.outcome === 'published' && result.tags) {
      for (const tag of result.tags) revalidateTag(tag, { expire: 0 });
      await broadcastRevalidation(result.tags);
    } else if (result.outcome !== 'lost') {
      console.warn(`Scheduled publication ${result.job.id} did not go out (${result.outcome}); see the newsroom dashboard.`);
    }
  }
  // After the publications, which must not wait for it; a failed clean-up is tried again next hour.
  const cleaned = await runCleanupIfDue().catch((error: unknown) => {
    console.error('The hourly clean-up failed:', error);
    return null;
  });
  return Response.json({ ran: results.map(({ job, outcome }) => ({ job: job.id, outcome })), cleaned });
}
