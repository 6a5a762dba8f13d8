/**
 * The client address in an X-Forwarded-For header, as the outermost of `trustedHops` (at least one)
 * reverse proxies saw it: each proxy appends the address it received the request from.
 */
export function addressFromForwardedFor(header: string | null, trustedHops: number): string | null {
  if (trustedHops < 1) return null;
  const addresses = (header ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  return addresses[Math.max(addresses.length - trustedHops, 0)] ?? null;
}
