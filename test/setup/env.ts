import { inject } from 'vitest';

// Before any test file imports the app's modules, point them at this run's own database.
process.env.DATABASE_URL = inject('databaseUrl');
if (inject('databaseEmbedded')) process.env.DATABASE_EMBEDDED = '1';
process.env.APP_SECRET ??= 'test-secret-that-is-long-enough-for-validation';
