import path from 'node:path';

import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: {
      '@': root,
      'server-only': path.join(root, 'test/setup/server-only.ts'),
    },
  },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/setup/database.ts'],
    setupFiles: ['test/setup/env.ts'],
    // next-auth imports `next/server` without an extension, which only a bundler resolves.
    server: { deps: { inline: ['next-auth'] } },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
