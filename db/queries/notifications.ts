import 'server-only';

import { sql } from 'drizzle-orm';

import { env } from '../../lib/env.mjs';
import { getDb, openClient } from '../index';

/** Sends a notice to every session listening on the channel (PostgreSQL's NOTIFY). */
export async function notify(channel: string, payload: string): Promise<void> {
  await getDb().execute(sql`select pg_notify(${channel}, ${payload})`);
}

/**
 * Calls `onNotice` for every notice on the channel for the life of the process, over a connection
 * of its own: a pooled one would stop listening whenever the pool closed it.
 */
export async function listenTo(channel: string, onNotice: (payload: string) => void): Promise<void> {
  if (!env.DATABASE_URL) throw new Error('No database to listen to.');
  const listener = openClient(env.DATABASE_URL, { max: 1, onnotice: () => {} });
  await listener.listen(channel, onNotice);
}
