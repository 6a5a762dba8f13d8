import path from 'node:path';

import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;

/** VITEST_MAX_WORKERS as a whole number of workers (3 when unset): test/setup/database.ts makes one database each. */
function workers(setting: string | undefined): number {
  if (setting === undefined || setting === '') return 3;
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
    // Three files at a time on two cores, each worker on its own database (test/setup/database.ts):
    // many tests wait on timers, child processes and SMTP, so two workers used 1.3 cores (5.1 min)
    // and three use 1.6 (4.2 min); a serial run used one.
    maxWorkers: workers(process.env.VITEST_MAX_WORKERS),
    // next-auth imports `next/server` without an extension, which only a bundler resolves.
    server: { deps: { inline: ['next-auth'] } },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
