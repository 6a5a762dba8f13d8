import { randomUUID } from 'node:crypto';

import postgres from 'postgres';
import { afterAll, describe, expect, inject, it } from 'vitest';

import { closeDb, getDb, isDatabaseUnreachable } from '@/db';

afterAll(closeDb);

/** The error a query on `run` raises, as the app's code would catch it. */
async function errorOf(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('Expected the statement to fail');
}

describe('what counts as "database unreachable"', () => {
  it('a query refused with 55000 (currval before nextval) is a failed query, not an unreachable database', async () => {
    const sequence = `unreachable_${randomUUID().replaceAll('-', '')}`;
    await getDb().execute(`create sequence ${sequence}`);
    try {
      const error = await errorOf(() => getDb().execute(`select currval('${sequence}')`));
      // drizzle wraps the driver's error.
      expect((error as { cause?: { code?: string } }).cause?.code).toBe('55000');
      expect(isDatabaseUnreachable(error)).toBe(false);
    } finally {
      await getDb().execute(`drop sequence ${sequence}`);
    }
  });

  // Needs a server that can create databases; the embedded one serves a single database.
  it.skipIf(inject('databaseEmbedded'))('a database not accepting connections (ALLOW_CONNECTIONS false) is unreachable', async () => {
    const name = `broadsheet_closed_${randomUUID().replaceAll('-', '')}`;
    const url = new URL(process.env.DATABASE_URL!);
    const admin = postgres(url.toString(), { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}" with allow_connections false`);
    try {
      url.pathname = `/${name}`;
      const closed = postgres(url.toString(), { max: 1, onnotice: () => {} });
      const error = await errorOf(() => closed`select 1`);
      await closed.end();
      expect((error as { code?: string }).code).toBe('55000');
      expect(isDatabaseUnreachable(error)).toBe(true);
    } finally {
      await admin.unsafe(`drop database "${name}"`);
      await admin.end();
    }
  });
});
