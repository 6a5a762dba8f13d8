import { defineConfig } from 'drizzle-kit';

// Only for generating migrations (`npx drizzle-kit generate`); they are reviewed and committed, and
// the app applies them itself. drizzle-kit never pushes a schema to a database.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema.ts',
  out: './db/migrations',
});
