import 'server-only';

import { workAsyncStorage } from 'next/dist/server/app-render/work-async-storage.external';

/**
 * Whether this code runs inside a Next.js request or render, where unstable_cache can keep entries
 * and tag the page. Outside one (a queue worker, a test, a script) there is no cache to use, and
 * reads go to the database directly. Next.js exposes no public test for this; its cache functions
 * use the same store.
 */
export function inNextRequest(): boolean {
  return workAsyncStorage.getStore() !== undefined;
}
