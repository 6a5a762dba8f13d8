import 'server-only';

import { headers } from 'next/headers';

import { env } from '../env.mjs';
import { clientAddressKey } from './address-key';
import { addressFromForwardedFor } from './forwarded-for';
import { PEER_HEADER, peerAddressesTracked } from './peer-address';

/**
 * The client's address in these request headers for rate limits, or null when none can be trusted.
 * Behind `trustedHops` proxies it is the address the outermost of them saw; with none, the address
 * of the connection itself (see peer-address.ts), which a client cannot choose. Normalised by
 * clientAddressKey: an IPv6 client counts as its /64.
 */
export function clientIpFrom(requestHeaders: Headers, trustedHops = env.TRUSTED_PROXY_HOPS): string | null {
  if (trustedHops > 0) return clientAddressKey(addressFromForwardedFor(requestHeaders.get('x-forwarded-for'), trustedHops));
  if (!peerAddressesTracked()) return null;
  return clientAddressKey(requestHeaders.get(PEER_HEADER));
}

/** The client's address of the current request (see clientIpFrom). */
export async function clientIp(): Promise<string | null> {
  return clientIpFrom(await headers());
}
