import { parseLocalDateTime } from '../dates/local-time';

// The date line of an article is when it was first published, here or elsewhere (a story moved from
// another site keeps its date). A date still to come is not a publication date: scheduling is for that.

/** Old enough for any archive moved here; earlier is a typing slip. */
const EARLIEST = Date.UTC(1900, 0, 1);

export type PublicationDate = { ok: true; date: Date | undefined } | { ok: false; error: string };

/**
 * The publication date an editor typed (a `datetime-local` value on the newsroom's clock), none when
 * left empty, or why it is refused. `latest`: when the publication happens (now, or the schedule's time).
 */
export function parsePublicationDate(value: string | undefined, timeZone: string, latest: Date, scheduled = false): PublicationDate {
  if (!value) return { ok: true, date: undefined };
  const date = parseLocalDateTime(value, timeZone);
  if (!date) return { ok: false, error: 'Enter the publication date as a date and time, such as 2026-11-25 18:30.' };
  if (date.getTime() < EARLIEST) return { ok: false, error: 'The publication date must be in 1900 or later.' };
  if (date.getTime() > latest.getTime()) {
    return {
      ok: false,
      error: scheduled ? 'The publication date cannot be later than the scheduled time.' : 'The publication date cannot be in the future. To publish later, use Schedule.',
    };
  }
  return { ok: true, date };
}
