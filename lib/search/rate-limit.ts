import 'server-only';
import { hitRateLimit, type RateLimitResult } from '@/db/queries/rate-limits';
import { clientIp } from '../actions/client-ip';
import { env } from '../env.mjs';

const WINDOW_SECONDS = 60;

/** Counts one search for the client's address; unknown addresses (no trusted proxy) are not limited. */
export async function countSearch(): Promise<RateLimitResult> {
  const ip = await clientIp();
  if (!ip) return { allowed: true };
  return hitRateLimit(`search:${ip}`, env.SEARCH_RATE_LIMIT, WINDOW_SECONDS);
}
