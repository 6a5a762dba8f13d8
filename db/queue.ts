import 'server-only';

import { sql } from 'drizzle-orm';
import { type Db, fromDrizzle, PgBoss } from 'pg-boss';

import { env } from '../lib/env.mjs';
import { DatabaseUnavailableError } from './index';
import type { Transaction } from './queries/publishing';

// The job queue (pg-boss) keeps its tables in a schema of its own, `pgboss`, which it creates and
// migrates itself when it starts (under its own advisory lock, so several servers may start at once).
// What the queues are and what runs on them is lib/jobs/queue.ts; this is only how it connects.

export type { PgBoss };

/** A pg-boss client for this database (its tables in `schema`); nothing runs until `start()`. */
export function connectQueue(schema = env.JOB_QUEUE_SCHEMA): PgBoss {
  if (!env.DATABASE_URL) throw new DatabaseUnavailableError();
  return new PgBoss({
    connectionString: env.DATABASE_URL,
    schema,
    // The embedded server runs one session for every connection (16 at most, shared by all
    // processes): a few are plenty, since statements there take turns anyway.
    max: env.DATABASE_EMBEDDED ? 2 : 4,
    application_name: 'broadsheet-queue',
  });
}

/** Runs pg-boss's statements inside the caller's transaction, so a job is queued (or cancelled) with the rows it belongs to, or not at all. */
export function inTransaction(tx: Transaction): Db {
  return fromDrizzle(tx, sql);
}
