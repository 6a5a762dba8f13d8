import type { EmailSuppression } from '@/db/schema';

import { ActionForm, type FormAction } from '../forms/action-form';
import { DataTable } from './data-table';

export const suppressionReasons: Record<EmailSuppression['reason'], string> = { hard_bounce: 'Hard bounce', complaint: 'Complaint', manual: 'Suppressed by an admin' };

type Props = {
  rows: EmailSuppression[];
  formatDate: (date: Date) => string;
  /** Given to admins only: lifting is theirs to decide. */
  lift?: FormAction;
};

/** The addresses no newsletter goes to, and for admins a way to lift each, behind a second click. */
export function SuppressionList({ rows, formatDate, lift }: Props) {
  return (
    <DataTable
      caption="Suppressed addresses, newest first"
      rows={rows}
      rowKey={(row) => row.email}
      columns={[
        { header: 'Email', cell: (row) => row.email },
        { header: 'Reason', cell: (row) => suppressionReasons[row.reason] },
        { header: 'Detail', cell: (row) => <span className="pre-wrap">{row.detail || '–'}</span> },
        { header: 'Since', cell: (row) => formatDate(row.createdAt) },
        ...(lift
          ? [
              {
                header: 'Action',
                cell: (row: EmailSuppression) => (
                  <details className="confirm-disclosure">
                    <summary>
                      Lift…<span className="visually-hidden"> the suppression of {row.email}</span>
                    </summary>
                    <p>Newsletters will go to {row.email} again if it is subscribed. Lift it only if the address works now.</p>
                    <ActionForm action={lift} submitLabel={`Lift the suppression of ${row.email}`} pendingLabel="Lifting…" className="inline-form">
                      <input type="hidden" name="email" value={row.email} />
                    </ActionForm>
                  </details>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
