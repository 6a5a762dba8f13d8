import type { Site } from '../content/types';
import { toLocalDateTime } from './local-time';

// Every date the site shows, to readers and to the newsroom, is on the site's clock (site.json's
// timeZone), so a reader abroad and an editor on a laptop set to UTC see the same day and hour.
type Clock = Pick<Site, 'locale' | 'timeZone'>;

/** "25 November 2026": an article's date line. */
export function formatDate(date: Date, site: Clock): string {
  return new Intl.DateTimeFormat(site.locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: site.timeZone }).format(date);
}

/** "1 December 2026, 14:05": when an article was updated, which can be the day it was published. */
export function formatDateAndTime(date: Date, site: Clock): string {
  const time = new Intl.DateTimeFormat(site.locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: site.timeZone }).format(date);
  return `${formatDate(date, site)}, ${time}`;
}

/** "November 2026": a month of the archive, which is already counted on the site's clock. */
export function formatMonth(year: number, month: number, site: Pick<Site, 'locale'>): string {
  return new Intl.DateTimeFormat(site.locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, 1)));
}

/** The calendar month an instant falls in on the site's clock: what the archive files it under. */
export function yearMonthIn(date: Date, timeZone: string): { year: number; month: number } {
  const [year, month] = toLocalDateTime(date, timeZone).split('-').map(Number) as [number, number];
  return { year, month };
}

/** "25 Nov 2026, 18:30": a compact date and time for newsroom tables. */
export function formatDateTime(date: Date, site: Clock): string {
  return new Intl.DateTimeFormat(site.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: site.timeZone }).format(date);
}

/**
 * "25 Nov 2026, 18:30 GMT": when a draft was saved or submitted, in newsroom lists and lines. Written
 * like the publishing panel's times (formatScheduleTime), zone included, so no list reads as UTC.
 */
export function formatTime(date: Date, site: Clock): string {
  return new Intl.DateTimeFormat(site.locale, {
    timeZone: site.timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(date);
}

/** "18:30": the save status of the draft open on the screen, on the newsroom's clock. */
export function formatClock(date: Date, site: Clock): string {
  return new Intl.DateTimeFormat(site.locale, { timeZone: site.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
}

/** "Wednesday 25 November 2026, 18:30 GMT": unambiguous for editors anywhere. */
export function formatScheduleTime(date: Date, site: Clock): string {
  return new Intl.DateTimeFormat(site.locale, {
    timeZone: site.timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(date);
}
