import 'server-only';
import { headers } from 'next/headers';
import { env } from '../env.mjs';

/**
 * The client's address for rate limits. With TRUSTED_PROXY_HOPS = n, the n-th address from the
 * right of X-Forwarded-For (the one our own proxies saw); otherwise the address of the socket, which
 * `next start` appends to that header itself. Addresses a client writes there are never trusted.
 */
export async function clientIp(): Promise<string> {
  const forwarded = ((await headers()).get('x-forwarded-for') ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const index = forwarded.length - 1 - env.TRUSTED_PROXY_HOPS;
  return forwarded[Math.max(index, 0)] ?? 'unknown';
}
