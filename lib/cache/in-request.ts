import 'server-only';

import { workAsyncStorage } from 'next/dist/server/app-render/work-async-storage.external';

// A private module of Next.js: an upgrade may move or change it. Typed loosely on purpose, so that a
// missing export reads as "outside a request" (the database directly: always correct, only uncached)
// rather than breaking every page; test/in-request.test.ts fails on such an upgrade instead.
const storage: { getStore?: () => unknown } | undefined = workAsyncStorage;

/**
 * Whether this code runs inside a Next.js request or render, where unstable_cache can keep entries
 * and tag the page. Outside one (a queue worker, a test, a script) there is no cache to use, and
 * reads go to the database directly. Next.js exposes no public test for this; its cache functions
 * use the same store.
 */
export function inNextRequest(): boolean {
  try {
    return typeof storage?.getStore === 'function' && storage.getStore() !== undefined;
  } catch {
    return false;
  }
}
