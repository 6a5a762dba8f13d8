/**
 * The client address in an X-Forwarded-For header, as the outermost of `trustedHops` reverse proxies
 * saw it. With no trusted proxy there is no trustworthy address: `next start` passes a header the
 * client wrote through unchanged, so null is returned and per-IP limits are skipped.
 */
export function addressFromForwardedFor(header: string | null, trustedHops: number): string | null {
  if (trustedHops < 1) return null;
  const addresses = (header ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  return addresses[Math.max(addresses.length - trustedHops, 0)] ?? null;
}
