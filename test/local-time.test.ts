import { describe, expect, it } from 'vitest';

import { parseLocalDateTime, toLocalDateTime } from '@/lib/dates/local-time';

describe('newsroom time for scheduling', () => {
  it('reads the newsroom’s wall clock, in winter and in summer', () => {
    expect(parseLocalDateTime('2026-11-25T18:30', 'Europe/London')?.toISOString()).toBe('2026-11-25T18:30:00.000Z');
    expect(parseLocalDateTime('2026-07-01T12:00:15', 'Europe/London')?.toISOString()).toBe('2026-07-01T11:00:15.000Z');
    expect(parseLocalDateTime('2026-07-01T12:00', 'America/New_York')?.toISOString()).toBe('2026-07-01T16:00:00.000Z');
  });

  it('refuses what is not a real date and time instead of rolling it over', () => {
    for (const value of ['2026-13-01T10:00', '2026-02-30T10:00', '2026-11-25T24:00', '2026-11-25T10:99', 'tomorrow', '']) {
      expect(parseLocalDateTime(value, 'Europe/London'), value).toBeNull();
    }
  });

  it('shows an instant back as the same wall-clock time', () => {
    const instant = new Date('2026-07-01T11:00:00Z');
    expect(toLocalDateTime(instant, 'Europe/London')).toBe('2026-07-01T12:00');
    expect(parseLocalDateTime(toLocalDateTime(instant, 'Europe/London'), 'Europe/London')?.getTime()).toBe(instant.getTime());
  });
});
