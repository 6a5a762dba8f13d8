import type { Site } from './content/types';

export function absoluteUrl(site: Pick<Site, 'url'>, path: string): string {
  return new URL(path, `${site.url}/`).toString();
}
