import 'server-only';
import { signHeaders } from './signature';

// Work that starts outside a request (the scheduler's timer, the start-up refresh, another
// server's publication) asks its own server over loopback: revalidateTag only works inside a
// request, and the publishing code is only bundled into routes. `next start` sets PORT.
async function postSigned(path: string, payload: unknown): Promise<Response> {
  const body = JSON.stringify(payload);
  return fetch(`http://127.0.0.1:${process.env.PORT ?? '3000'}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signHeaders(path, body) },
    body,
    signal: AbortSignal.timeout(60_000),
  });
}

/** Expires the tags on this server. */
export async function requestRevalidation(tags: string[]): Promise<void> {
  const response = await postSigned('/api/revalidate', { tags });
  if (response.status !== 204) throw new Error(`Revalidation answered ${response.status}: ${await response.text()}`);
}

/** Brings the search index up to date with content/ on this server (see lib/search/sync.ts). */
export async function requestSearchIndex(): Promise<void> {
  const response = await postSigned('/api/search/index', {});
  if (response.status !== 204) throw new Error(`Search indexing answered ${response.status}: ${await response.text()}`);
}

/** Retries while the server is still starting (it is not listening yet when instrumentation runs). */
export async function whenListening(request: () => Promise<void>, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await request();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

export const requestRevalidationWhenListening = (tags: string[]) => whenListening(() => requestRevalidation(tags));

export const POLL_MS = 5_000;

/**
 * Runs due scheduled publications every few seconds for the life of the server (see
 * app/api/publishing/run/route.ts). The queue lives in publish_jobs, so a restart loses nothing.
 */
export function startScheduler(): () => void {
  let busy = false;
  let unreachable = 0;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      const response = await postSigned('/api/publishing/run', {});
      unreachable = 0;
      if (!response.ok) console.error(`The publishing scheduler's run answered ${response.status}: ${await response.text()}`);
      else await response.body?.cancel();
    } catch (error) {
      // Still starting, or briefly overloaded: the next tick tries again. Still failing after a
      // minute means the server cannot reach itself on 127.0.0.1, and scheduled articles wait.
      unreachable += 1;
      if (!(error instanceof TypeError) || unreachable % 60 === 12) {
        console.error(`The publishing scheduler cannot reach this server at 127.0.0.1:${process.env.PORT ?? '3000'}; scheduled articles are not published:`, error);
      }
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(tick, POLL_MS);
  return () => clearInterval(timer);
}
