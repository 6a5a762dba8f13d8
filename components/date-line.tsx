import type { Site } from '@/lib/content';
import { formatDate, formatDateAndTime } from '@/lib/dates/format';

/** `withTime`: the hour too, as an update's time is shown ("1 December 2026, 14:05"). */
export function DateLine({ date, site, withTime = false }: { date: Date; site: Site; withTime?: boolean }) {
  return <time dateTime={date.toISOString()}>{withTime ? formatDateAndTime(date, site) : formatDate(date, site)}</time>;
}
