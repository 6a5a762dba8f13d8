import type { Site } from './content/types';

export function formatDate(date: Date, site: Pick<Site, 'locale' | 'timeZone'>): string {
  return new Intl.DateTimeFormat(site.locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: site.timeZone }).format(date);
}

export function formatMonth(year: number, month: number, site: Pick<Site, 'locale'>): string {
  return new Intl.DateTimeFormat(site.locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, 1)),
  );
}

export function absoluteUrl(site: Pick<Site, 'url'>, path: string): string {
  return new URL(path, `${site.url}/`).toString();
}
