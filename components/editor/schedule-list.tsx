import type { ScheduleRow } from '@/db/queries/schedules';
import type { Site } from '@/lib/content';
import { formatScheduleTime } from '@/lib/dates/format';

/** A schedule that should have run two minutes ago has not: say so, loudly. */
const OVERDUE_MS = 2 * 60_000;

export function scheduleProblem(row: ScheduleRow, now: Date): string | null {
  if (row.status === 'failed') return `Failed after ${row.attempts} attempts: ${row.lastError ?? 'no reason recorded'}`;
  if (row.lastError) return `Not published yet, trying again: ${row.lastError}`;
  if (now.getTime() - row.runAt.getTime() > OVERDUE_MS) return 'Overdue: the scheduler has not published it. Check that the app server is running, or publish now.';
  return null;
}

/** Which version goes out, and whether the draft has moved on since it was approved. */
function scheduledVersion(row: ScheduleRow): { text: string; changed: boolean } {
  if (row.version === null) return { text: 'No version was recorded for this schedule.', changed: true };
  if (row.version === row.currentVersion) return { text: `Version ${row.version} (the latest) is scheduled.`, changed: false };
  return {
    text: `Version ${row.version} of ${row.currentVersion} is scheduled; the draft has changed since: re-approve it (check the latest version, then schedule again) to publish the newer text.`,
    changed: true,
  };
}

/** Scheduled publications with their time, and the ones in trouble first, marked as such. */
export function ScheduleList({ rows, site, now, link }: { rows: ScheduleRow[]; site: Site; now: Date; link?: (row: ScheduleRow) => string }) {
  const sorted = [...rows].sort((a, b) => Number(!!scheduleProblem(b, now)) - Number(!!scheduleProblem(a, now)) || a.runAt.getTime() - b.runAt.getTime());
  return (
    <ul>
      {sorted.map((row) => {
        const problem = scheduleProblem(row, now);
        const version = scheduledVersion(row);
        return (
          <li key={row.jobId}>
            {link ? <a href={link(row)}>{row.title}</a> : <span>{row.title}</span>}: {formatScheduleTime(row.runAt, site)}
            {row.emailSubscribers ? ', and will be emailed to subscribers' : ', publish only (no email)'}
            <p>{version.changed ? <strong>{version.text}</strong> : version.text}</p>
            {problem ? (
              <p className="form-status form-status--error">
                <strong>Needs attention.</strong> {problem}
              </p>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
