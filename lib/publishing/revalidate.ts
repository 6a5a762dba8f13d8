import 'server-only';
import { signHeaders } from './signature';

/** This server's own address: `next start` sets PORT; the server listens on loopback too. */
function ownUrl(): string {
  return `http://127.0.0.1:${process.env.PORT ?? '3000'}/api/revalidate`;
}

/** Expires the tags on this server, from outside a request (see app/api/revalidate/route.ts). */
export async function requestRevalidation(tags: string[]): Promise<void> {
  const body = JSON.stringify({ tags });
  const response = await fetch(ownUrl(), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signHeaders(body) },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  if (response.status !== 204) throw new Error(`Revalidation answered ${response.status}: ${await response.text()}`);
}

/** Retries while the server is still starting (it is not listening yet when instrumentation runs). */
export async function requestRevalidationWhenListening(tags: string[], timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await requestRevalidation(tags);
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
