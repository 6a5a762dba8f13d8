// Pure, so the content facade, the proxy's address check and the tests share it.

/**
 * The section a slug's articles are under now: itself, or where it was retired into, following a chain
 * of retirements. A cycle (which retiring into a live section cannot make) ends where it was noticed.
 */
export function resolveSection(moved: Record<string, string>, slug: string): string {
  const seen = new Set([slug]);
  let current = slug;
  for (let next = moved[current]; next !== undefined && !seen.has(next); next = moved[current]) {
    seen.add(next);
    current = next;
  }
  return current;
}
