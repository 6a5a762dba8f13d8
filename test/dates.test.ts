import { describe, expect, it } from 'vitest';

import { formatClock, formatDateAndTime, formatDateTime, formatScheduleTime, formatTime, yearMonthIn } from '@/lib/dates/format';
import { parseLocalDateTime, toLocalDateTime } from '@/lib/dates/local-time';

const london = { locale: 'en-GB', timeZone: 'Europe/London' };
const at = (value: string, timeZone = 'Europe/London') => parseLocalDateTime(value, timeZone)?.toISOString();

describe('newsroom time across the clock changes', () => {
  it('spring forward: a time the clock skips moves forward by the gap', () => {
    // 28 March 2027: at 01:00 GMT the clocks go to 02:00 BST, so 01:00–01:59 never happens.
    expect(at('2027-03-28T00:59')).toBe('2027-03-28T00:59:00.000Z');
    expect(at('2027-03-28T01:30')).toBe('2027-03-28T01:30:00.000Z');
    expect(toLocalDateTime(new Date('2027-03-28T01:30:00Z'), 'Europe/London')).toBe('2027-03-28T02:30');
    expect(at('2027-03-28T02:00')).toBe('2027-03-28T01:00:00.000Z');
    // The same rule in a zone west of Greenwich: 02:30 on 14 March 2027 in New York is 03:30 EDT.
    expect(at('2027-03-14T02:30', 'America/New_York')).toBe('2027-03-14T07:30:00.000Z');
  });

  it('autumn back: a time the clock shows twice is its first occurrence, in summer time', () => {
    // 31 October 2027: at 02:00 BST the clocks go back to 01:00 GMT, so 01:00–01:59 happens twice.
    expect(at('2027-10-31T00:59')).toBe('2027-10-30T23:59:00.000Z');
    expect(at('2027-10-31T01:00')).toBe('2027-10-31T00:00:00.000Z');
    expect(at('2027-10-31T01:30')).toBe('2027-10-31T00:30:00.000Z');
    expect(at('2027-10-31T02:00')).toBe('2027-10-31T02:00:00.000Z');
    expect(at('2027-11-07T01:30', 'America/New_York')).toBe('2027-11-07T05:30:00.000Z');
    expect(at('2027-04-04T02:30', 'Australia/Sydney')).toBe('2027-04-03T15:30:00.000Z');
  });

  it('shows both instants of the repeated hour as the same wall-clock time', () => {
    expect(toLocalDateTime(new Date('2027-10-31T00:30:00Z'), 'Europe/London')).toBe('2027-10-31T01:30');
    expect(toLocalDateTime(new Date('2027-10-31T01:30:00Z'), 'Europe/London')).toBe('2027-10-31T01:30');
  });
});

describe('date formatters on the site’s clock', () => {
  it('shows drafts’ times in newsroom time, naming the zone', () => {
    expect(formatTime(new Date('2026-11-25T18:30:00Z'), london)).toBe('25 Nov 2026, 18:30 GMT');
    expect(formatTime(new Date('2026-07-01T11:00:00Z'), london)).toBe('1 Jul 2026, 12:00 BST');
    expect(formatTime(new Date('2026-07-01T11:00:00Z'), { locale: 'en-GB', timeZone: 'UTC' })).toBe('1 Jul 2026, 11:00 UTC');
    // The save status's clock: 23:05 UTC is past midnight in London in summer.
    expect(formatClock(new Date('2026-07-01T23:05:00Z'), london)).toBe('00:05');
    expect(formatClock(new Date('2026-11-25T18:30:00Z'), london)).toBe('18:30');
  });

  it('takes the zone and locale from the site, never a fixed one', () => {
    const instant = new Date('2026-07-01T23:30:00Z');
    expect(formatDateTime(instant, london)).toBe('2 Jul 2026, 00:30');
    expect(formatDateTime(instant, { locale: 'en-GB', timeZone: 'America/New_York' })).toBe('1 Jul 2026, 19:30');
    expect(formatScheduleTime(instant, london)).toBe('Thursday, 2 July 2026 at 00:30 BST');
  });

  it('files an instant under the month it falls in on the site’s clock', () => {
    expect(yearMonthIn(new Date('2026-10-31T23:30:00Z'), 'Europe/London')).toEqual({ year: 2026, month: 10 });
    expect(yearMonthIn(new Date('2026-10-31T23:30:00Z'), 'Asia/Tokyo')).toEqual({ year: 2026, month: 11 });
    expect(yearMonthIn(new Date('2026-06-30T23:30:00Z'), 'Europe/London')).toEqual({ year: 2026, month: 7 });
  });
});

describe("an update's time", () => {
  it('reads "1 December 2026, 14:05" on the newsroom clock, summer or winter', () => {
    expect(formatDateAndTime(new Date('2026-12-01T14:05:00Z'), london)).toBe('1 December 2026, 14:05');
    expect(formatDateAndTime(new Date('2026-07-01T23:30:00Z'), london)).toBe('2 July 2026, 00:30');
  });
});
