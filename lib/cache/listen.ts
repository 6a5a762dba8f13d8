import 'server-only';

import postgres from 'postgres';
import { z } from 'zod';

import { env } from '../env.mjs';
import { CHANNEL, serverId } from './channel';
import { expireOutsideRequest } from './outside-request';
import { cacheTagsSchema } from './tags';

const noticeSchema = z.object({ from: z.string().optional(), tags: cacheTagsSchema });

/**
 * Expires on this server what the other app servers publish (they NOTIFY; see broadcast.ts). Not
 * with the embedded database: it serves one server over one connection.
 */
export async function listenForRevalidation(): Promise<void> {
  if (!env.DATABASE_URL || env.DATABASE_EMBEDDED) return;
  const listener = postgres(env.DATABASE_URL, { max: 1, onnotice: () => {} });
  await listener.listen(CHANNEL, (payload) => {
    let message: z.infer<typeof noticeSchema>;
    try {
      message = noticeSchema.parse(JSON.parse(payload));
    } catch {
      return console.error('Ignored a malformed revalidation notice.');
    }
    if (message.from === serverId) return;
    expireOutsideRequest(message.tags).catch((error) => console.error('Refreshing pages another server published failed:', error));
  });
}
