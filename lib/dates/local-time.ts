import { TZDate, tzOffset } from '@date-fns/tz';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/**
 * The instant a `datetime-local` value ("2026-11-25T18:30") names in the site's time zone, or null
 * when it is not such a value. Editors mean the newsroom's clock, not their browser's or the server's.
 *
 * Around clock changes: a time the clock skips (01:30 on the spring-forward night in London) moves
 * forward by the gap, to 02:30 summer time, so a schedule is never earlier than the editor could have
 * meant; a time the clock shows twice (01:30 on the autumn-back night) is its first occurrence, in
 * summer time, so a schedule is never later than the editor expects.
 */
export function parseLocalDateTime(value: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return null;
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return null;
  // TZDate already moves a skipped time forward; for a repeated one it picks the later occurrence.
  const instant = new TZDate(year, month - 1, day, hour, minute, second, timeZone).getTime();
  const fallBack = tzOffset(timeZone, new Date(instant - DAY)) - tzOffset(timeZone, new Date(instant));
  const earlier = instant - fallBack * MINUTE;
  const wall = toLocalDateTime(new Date(instant), timeZone, true);
  return new Date(fallBack > 0 && toLocalDateTime(new Date(earlier), timeZone, true) === wall ? earlier : instant);
}

/** The instant as a `datetime-local` value in the site's time zone (to the minute, or the second). */
export function toLocalDateTime(date: Date, timeZone: string, seconds = false): string {
  const local = new TZDate(date.getTime(), timeZone);
  const day = `${pad(local.getFullYear(), 4)}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`;
  const time = `${pad(local.getHours())}:${pad(local.getMinutes())}${seconds ? `:${pad(local.getSeconds())}` : ''}`;
  return `${day}T${time}`;
}
