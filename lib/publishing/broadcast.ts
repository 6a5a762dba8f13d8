import 'server-only';
import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { env } from '../env.mjs';
import { requestRevalidation } from './revalidate';

// Each app server keeps expired tags in its own memory, so a publication on one must reach the
// others: through PostgreSQL's LISTEN/NOTIFY, which every server already has. The embedded
// database serves one server and one connection, so there is nobody to tell and no room to listen.
const CHANNEL = 'broadsheet_revalidate';
const serverId = randomUUID();

const enabled = () => !!env.DATABASE_URL && !env.DATABASE_EMBEDDED;

/** Tells the other app servers to expire these tags (this one has already done it). */
export async function broadcastRevalidation(tags: string[]): Promise<void> {
  if (!enabled()) return;
  try {
    await getDb().execute(sql`select pg_notify(${CHANNEL}, ${JSON.stringify({ from: serverId, tags })})`);
  } catch (error) {
    console.error('Could not tell the other app servers to refresh their pages:', error);
  }
}

/** Expires on this server what the others publish. */
export async function listenForRevalidation(): Promise<void> {
  if (!enabled() || !env.DATABASE_URL) return;
  const listener = postgres(env.DATABASE_URL, { max: 1, onnotice: () => {} });
  await listener.listen(CHANNEL, (payload) => {
    try {
      const message = JSON.parse(payload) as { from?: string; tags?: string[] };
      if (message.from === serverId || !Array.isArray(message.tags)) return;
      requestRevalidation(message.tags).catch((error) => console.error('Refreshing pages another server published failed:', error));
    } catch {
      console.error('Ignored a malformed revalidation notice.');
    }
  });
}
