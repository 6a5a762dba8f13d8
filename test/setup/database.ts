import type { TestProject } from 'vitest/node';

import { createTestDatabase } from '../../scripts/test-database.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrls: string[];
    databaseEmbedded: boolean;
  }
}

// One database per worker: the files a worker runs share it one after another, as they would in a
// serial run, and never meet another worker's rows, advisory locks or job queue.
export default async function setup(project: TestProject) {
  const workers = Math.max(1, project.config.maxWorkers);
  const databases = await Promise.all(Array.from({ length: workers }, () => createTestDatabase('test')));
  project.provide(
    'databaseUrls',
    databases.map((database) => database.url),
  );
  project.provide('databaseEmbedded', databases[0]!.embedded);
  return async () => {
    await Promise.all(databases.map((database) => database.drop()));
  };
}
