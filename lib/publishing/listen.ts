import 'server-only';
import postgres from 'postgres';
import { env } from '../env.mjs';
import { CHANNEL, serverId } from './channel';
import { requestRevalidation } from './revalidate';

/**
 * Expires on this server what the other app servers publish (they NOTIFY; see broadcast.ts). Not
 * with the embedded database: it serves one server over one connection.
 */
export async function listenForRevalidation(): Promise<void> {
  if (!env.DATABASE_URL || env.DATABASE_EMBEDDED) return;
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
