import { readSignedBody } from '@/lib/jobs/signature';
import { runTick } from '@/lib/jobs/tick';

// The scheduler's tick (lib/jobs/scheduler.ts calls it over loopback, signed): the work runs
// inside a request, so the pages it changes can be expired right here.
export async function POST(request: Request) {
  const body = await readSignedBody(request);
  if (body === null) return new Response('Not signed, or signed too long ago.', { status: 401 });
  return Response.json(await runTick());
}
