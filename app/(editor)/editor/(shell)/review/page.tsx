import { DataTable } from '@/components/editor/data-table';
import { ActionForm } from '@/components/forms/action-form';
import { listReviewQueue } from '@/db/queries/drafts';
import { requireUser } from '@/lib/auth/session';
import { getSite } from '@/lib/content';
import { formatTime } from '@/lib/dates/format';
import { routes } from '@/lib/routes';

import { returnToWriterAction } from '../actions/drafts';

export const metadata = { title: 'Review queue' };

export default async function ReviewPage() {
  await requireUser('drafts:edit-any');
  const site = await getSite();
  const queue = await listReviewQueue();
  return (
    <>
      <h1>Review queue</h1>
      {queue.length === 0 ? (
        <p>Nothing is waiting for review.</p>
      ) : (
        <DataTable
          caption="Drafts submitted for review, the longest-waiting first"
          rows={queue}
          rowKey={(draft) => draft.id}
          columns={[
            { header: 'Title', cell: (draft) => <a href={routes.editor.draft(draft.id)}>{draft.title}</a> },
            { header: 'Author', cell: (draft) => draft.authorName },
            { header: 'Submitted', cell: (draft) => (draft.submittedAt ? formatTime(draft.submittedAt, site) : '') },
            {
              header: 'Actions',
              cell: (draft) => (
                <ActionForm action={returnToWriterAction} submitLabel="Return to writer" pendingLabel="Returning…" className="inline-form">
                  <input type="hidden" name="id" value={draft.id} />
                </ActionForm>
              ),
            },
          ]}
        />
      )}
    </>
  );
}
