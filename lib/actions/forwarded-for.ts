/**
 * The client address in an X-Forwarded-For header: with `trustedHops` proxies in front, the address
 * the outermost of them saw; with none, the last entry (which `next start` fills from the socket
 * when the client sent no header).
 */
export function addressFromForwardedFor(header: string | null, trustedHops: number): string {
  const addresses = (header ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  return addresses[Math.max(addresses.length - 1 - trustedHops, 0)] ?? 'unknown';
}
