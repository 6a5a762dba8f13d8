import 'server-only';
import { headers } from 'next/headers';
import { env } from '../env.mjs';
import { addressFromForwardedFor } from './forwarded-for';

/** The client's address for rate limits, or null without a trusted proxy (see TRUSTED_PROXY_HOPS). */
export async function clientIp(): Promise<string | null> {
  return addressFromForwardedFor((await headers()).get('x-forwarded-for'), env.TRUSTED_PROXY_HOPS);
}
