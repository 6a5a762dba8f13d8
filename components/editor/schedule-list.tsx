import type { ScheduleRow } from '@/db/queries/publishing';
import type { Site } from '@/lib/content';
import { formatScheduleTime } from '@/lib/publishing/zoned-time';

/** A schedule that should have run two minutes ago has not: say so, loudly. */
export const OVERDUE_MS = 2 * 60_000;

export function scheduleProblem(row: ScheduleRow, now: Date): string | null {
  if (row.status === 'failed') return `Failed after ${row.attempts} attempts: ${row.lastError ?? 'no reason recorded'}`;
  if (row.lastError) return `Not published yet, trying again: ${row.lastError}`;
  if (now.getTime() - row.runAt.getTime() > OVERDUE_MS) return 'Overdue: the scheduler has not published it. Check that the app server is running, or publish now.';
  return null;
}

/** Scheduled publications with their time, and the ones in trouble first, marked as such. */
export function ScheduleList({ rows, site, now, link }: { rows: ScheduleRow[]; site: Site; now: Date; link?: (row: ScheduleRow) => string }) {
  const sorted = [...rows].sort((a, b) => Number(!!scheduleProblem(b, now)) - Number(!!scheduleProblem(a, now)) || a.runAt.getTime() - b.runAt.getTime());
  return (
    <ul className="schedule-list">
      {sorted.map((row) => {
        const problem = scheduleProblem(row, now);
        return (
          <li key={row.jobId}>
            {link ? <a href={link(row)}>{row.title}</a> : <span>{row.title}</span>}: {formatScheduleTime(row.runAt, site)}
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
