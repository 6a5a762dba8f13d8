import 'server-only';

import { z } from 'zod';

import { env } from '../env.mjs';
import { signHeaders } from './signature';

// Work that starts outside a request (the job queue's workers, the start-up jobs, another server's
// publication) asks its own server over loopback: revalidateTag only works inside a request, and
// the code that does the work is only bundled into routes.

/** Where this server listens, for messages in logs. */
export const loopbackAddress = () => `127.0.0.1:${env.PORT}`;

/** POSTs the payload, signed with APP_SECRET, to one of this server's internal routes. */
export async function postSigned(path: string, payload: unknown): Promise<Response> {
  const body = JSON.stringify(payload);
  return fetch(`http://${loopbackAddress()}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signHeaders(path, body) },
    body,
    signal: AbortSignal.timeout(60_000),
  });
}

/** Brings the search index up to date with content/ on this server (see lib/search/sync.ts). */
export async function requestSearchIndex(): Promise<void> {
  const response = await postSigned('/api/search/index', {});
  if (response.status !== 204) throw new Error(`Search indexing answered ${response.status}: ${await response.text()}`);
}

const owedSchema = z.object({ started: z.number().int().nonnegative() });

/** Starts the newsletter sends that publications owe after a restart (see startOwedEmails in lib/jobs/publish.ts); how many. */
export async function requestOwedEmails(): Promise<number> {
  const response = await postSigned('/api/publishing/owed-emails', {});
  if (response.status !== 200) throw new Error(`Starting owed newsletter sends answered ${response.status}: ${await response.text()}`);
  return owedSchema.parse(await response.json()).started;
}

const countRunSchema = z.object({ counted: z.number().int().nonnegative(), more: z.boolean() });

/** Counts the words of articles published before counts were stored (see lib/content/word-counts.ts), one call's share at a time. */
export async function requestWordCounts(): Promise<void> {
  for (;;) {
    const response = await postSigned('/api/content/word-counts', {});
    if (response.status !== 200) throw new Error(`Counting words answered ${response.status}: ${await response.text()}`);
    if (!countRunSchema.parse(await response.json()).more) return;
  }
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
