import { ActionForm } from '@/components/editor/action-form';
import { listReviewQueue } from '@/db/queries/drafts';
import { requireUser } from '@/lib/auth/session';
import { getSite } from '@/lib/content';
import { formatTime } from '@/lib/dates/format';
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
        <table className="editor-table">
          <caption className="visually-hidden">Drafts submitted for review, the longest-waiting first</caption>
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Author</th>
              <th scope="col">Submitted</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {queue.map((draft) => (
              <tr key={draft.id}>
                <th scope="row">
                  <a href={`/editor/drafts/${draft.id}`}>{draft.title}</a>
                </th>
                <td>{draft.authorName}</td>
                <td>{draft.submittedAt ? formatTime(draft.submittedAt, site) : ''}</td>
                <td>
                  <ActionForm action={returnToWriterAction} submitLabel="Return to writer" pendingLabel="Returning…" className="inline-form">
                    <input type="hidden" name="id" value={draft.id} />
                  </ActionForm>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
