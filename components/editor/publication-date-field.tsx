import type { Site } from '@/lib/content';
import { formatScheduleTime } from '@/lib/dates/format';

type PublicationDateFieldProps = {
  /** Unique on the page: the publish and schedule forms each have one. */
  id: string;
  site: Pick<Site, 'locale' | 'timeZone'>;
  /** The date line readers see now, if the article has one: kept when the field is left empty. */
  current: Date | null;
};

/**
 * The date line of the publication, for a story first published elsewhere. Empty by default, so
 * publishing dates it now, or keeps the date it has; a date still to come is refused (that is Schedule).
 */
export function PublicationDateField({ id, site, current }: PublicationDateFieldProps) {
  const hintId = `${id}-hint`;
  return (
    <div className="field">
      <label htmlFor={id}>Publication date (optional)</label>
      <p className="field__hint" id={hintId}>
        {current ? `Leave empty to keep ${formatScheduleTime(current, site)}.` : 'Leave empty to date it when it is published.'} For a story first published elsewhere, give that
        date. Newsroom time ({site.timeZone}); not in the future.
      </p>
      <input id={id} name="publicationDate" type="datetime-local" aria-describedby={hintId} />
    </div>
  );
}
