import type { Site } from '../content/types';

// Every count the site and the newsroom show, grouped as the site's locale (site.json) writes
// numbers, so "1,204" reads the same on every page whatever the server's own locale.
type Locale = Pick<Site, 'locale'>;

/** "1,204". */
export function formatCount(value: number, site: Locale): string {
  return value.toLocaleString(site.locale);
}

/** "1 reader", "1,204 readers"; `many` for the nouns that do not just add an s ("addresses"). */
export function plural(count: number, one: string, site: Locale, many = `${one}s`): string {
  return `${formatCount(count, site)} ${count === 1 ? one : many}`;
}
