import type { Site } from '@/lib/content';
import { formatDate } from '@/lib/dates/format';

export function DateLine({ date, site }: { date: Date; site: Site }) {
  return <time dateTime={date.toISOString()}>{formatDate(date, site)}</time>;
}
