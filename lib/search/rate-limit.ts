import 'server-only';

import { hitRateLimit, type RateLimitResult } from '@/db/queries/rate-limits';

import { clientIp } from '../actions/client-ip';
import { env } from '../env.mjs';

const WINDOW_SECONDS = 60;

/**
 * Counts one search for the client's address. Clients whose address is unknown (a trusted proxy that
 * sent no X-Forwarded-For) share one count rather than none.
 */
export async function countSearch(): Promise<RateLimitResult> {
  const ip = await clientIp();
  return hitRateLimit(`search:${ip ?? 'unknown'}`, env.SEARCH_RATE_LIMIT, WINDOW_SECONDS);
}
