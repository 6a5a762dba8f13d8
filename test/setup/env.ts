import { inject } from 'vitest';

// Before any test file imports the app's modules, point them at this worker's own database.
const urls = inject('databaseUrls');
const worker = Number(process.env.VITEST_POOL_ID ?? 1);
const url = urls[worker - 1];
if (!url) throw new Error(`Vitest worker ${worker} has no database of its own: test/setup/database.ts made ${urls.length}`);
process.env.DATABASE_URL = url;
if (inject('databaseEmbedded')) process.env.DATABASE_EMBEDDED = '1';
process.env.APP_SECRET ??= 'test-secret-that-is-long-enough-for-validation';
