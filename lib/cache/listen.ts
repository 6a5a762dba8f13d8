import 'server-only';

import { z } from 'zod';

import { listenTo } from '@/db/queries/notifications';
import { log } from '@/lib/log';

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
  await listenTo(CHANNEL, (payload) => {
    let message: z.infer<typeof noticeSchema>;
    try {
      message = noticeSchema.parse(JSON.parse(payload));
    } catch {
      return log.error('Ignored a malformed revalidation notice.');
    }
    if (message.from === serverId) return;
    expireOutsideRequest(message.tags).catch((error) => log.error({ err: error }, 'Refreshing pages another server published failed'));
  });
}
