import 'server-only';
import { headers } from 'next/headers';
import { env } from '../env.mjs';
import { addressFromForwardedFor } from './forwarded-for';

/** The client's address in these request headers for rate limits, or null when none can be trusted. */
export function clientIpFrom(requestHeaders: Headers): string | null {
  return addressFromForwardedFor(requestHeaders.get('x-forwarded-for'), env.TRUSTED_PROXY_HOPS);
}

/** The client's address of the current request (see clientIpFrom). */
export async function clientIp(): Promise<string | null> {
  return clientIpFrom(await headers());
}
