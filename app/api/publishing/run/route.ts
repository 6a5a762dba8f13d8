import { revalidateTag } from 'next/cache';
import { broadcastRevalidation } from '@/lib/publishing/broadcast';
import { readSignedBody } from '@/lib/publishing/signature';
import { runDueJobs } from '@/lib/publishing/worker';

// The scheduler's tick (instrumentation.ts calls it over loopback, signed): publishes the due jobs
// inside a request, so the pages they change can be expired right here.
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
  return Response.json({ ran: results.map(({ job, outcome }) => ({ job: job.id, outcome })) });
}
