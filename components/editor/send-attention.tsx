import type { SendRow, Trouble } from '@/db/queries/newsletter-reports';
import type { Site } from '@/lib/content';
import { formatScheduleTime } from '@/lib/dates/format';
import { attentionText, statusText } from '@/lib/newsletter/report';
import { routes } from '@/lib/routes';

/** Newsletter sends that stalled or failed, for the overview: loud, like a late schedule. */
export function SendAttention({ rows, site }: { rows: (SendRow & { trouble: Trouble })[]; site: Site }) {
  if (rows.length === 0) return null;
  return (
    <>
      <p className="form-status form-status--error" role="alert">
        <strong>{rows.length === 1 ? 'A newsletter send needs' : `${rows.length} newsletter sends need`} attention.</strong>
      </p>
      <ul>
        {rows.map((row) => (
          <li key={row.id}>
            <a href={routes.editor.newsletterSend(row.id)}>{row.title}</a>, started {formatScheduleTime(row.createdAt, site)}: {statusText(row, site)}.
            <p className="form-status form-status--error">
              <strong>Needs attention.</strong> {attentionText(row, site)}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
