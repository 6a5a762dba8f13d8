import 'server-only';

import { notify } from '@/db/queries/notifications';
import { log } from '@/lib/log';

import { env } from '../env.mjs';
import { CHANNEL, serverId } from './channel';

// Each app server keeps expired tags in its own memory, so a publication on one must reach the
// others: through PostgreSQL's LISTEN/NOTIFY (see listen.ts), which every server already has.

/** Tells the other app servers to expire these tags (this one has already done it). */
export async function broadcastRevalidation(tags: string[]): Promise<void> {
  if (!env.DATABASE_URL || env.DATABASE_EMBEDDED) return;
  try {
    await notify(CHANNEL, JSON.stringify({ from: serverId, tags }));
  } catch (error) {
    log.error({ err: error }, 'Could not tell the other app servers to refresh their pages');
  }
}
