import path from 'node:path';

import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;

/** VITEST_MAX_WORKERS as a whole number of workers (2 when unset): test/setup/database.ts makes one database each. */
function workers(setting: string | undefined): number {
  if (setting === undefined || setting === '') return 2;
  if (!/^[1-9]\d*$/.test(setting)) throw new Error(`VITEST_MAX_WORKERS must be a whole number of workers, not "${setting}"`);
  return Number(setting);
}

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
    // Two files at a time, each worker on its own database (test/setup/database.ts): a serial run
    // kept one core busy and left the other mostly idle.
    maxWorkers: workers(process.env.VITEST_MAX_WORKERS),
    // next-auth imports `next/server` without an extension, which only a bundler resolves.
    server: { deps: { inline: ['next-auth'] } },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
