import type { TestProject } from 'vitest/node';

import { createTestDatabase } from '../../scripts/test-database.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseEmbedded: boolean;
  }
}

export default async function setup(project: TestProject) {
  const database = await createTestDatabase('test');
  project.provide('databaseUrl', database.url);
  project.provide('databaseEmbedded', database.embedded);
  return database.drop;
}
