import { AsyncLocalStorage } from 'node:async_hooks';

import { describe, expect, it } from 'vitest';

// A Next.js server puts AsyncLocalStorage on globalThis before its modules load; so does this file.
(globalThis as { AsyncLocalStorage?: unknown }).AsyncLocalStorage = AsyncLocalStorage;
const { workAsyncStorage } = await import('next/dist/server/app-render/work-async-storage.external');
const { inNextRequest } = await import('@/lib/cache/in-request');

// lib/cache/in-request.ts leans on a private module of Next.js: an upgrade that changes it must fail
// here, not quietly send every page's reads past the cache.
describe('being inside a Next.js request', () => {
  it('is told by the store Next.js keeps for each request, which still exists', () => {
    expect(typeof workAsyncStorage.getStore).toBe('function');
    expect(typeof workAsyncStorage.run).toBe('function');
  });

  it('is false outside a request and true inside one', () => {
    expect(inNextRequest()).toBe(false);
    const store = { route: '/test' } as unknown as Parameters<typeof workAsyncStorage.run>[0];
    expect(workAsyncStorage.run(store, () => inNextRequest())).toBe(true);
  });
});
