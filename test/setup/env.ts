import { inject } from 'vitest';

// Before any test file imports the app's modules, point them at this worker's own database.
const urls = inject('databaseUrls');
const worker = Number(process.env.VITEST_POOL_ID ?? 1);
process.env.DATABASE_URL = urls[(worker - 1) % urls.length];
if (inject('databaseEmbedded')) process.env.DATABASE_EMBEDDED = '1';
process.env.APP_SECRET ??= 'test-secret-that-is-long-enough-for-validation';
