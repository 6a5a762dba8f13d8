import { listDrafts } from '@/db/queries/drafts';
import { requireUser } from '@/lib/auth/session';
import { formatTime, statusLabels } from '@/lib/drafts/labels';
import { viewerOf } from '@/lib/drafts/viewer';

export const metadata = { title: 'Drafts' };

export default async function DraftsPage({ searchParams }: { searchParams: Promise<{ missing?: string }> }) {
  const user = await requireUser('drafts:write-own');
  const [drafts, { missing }] = await Promise.all([listDrafts(viewerOf(user)), searchParams]);
  return (
    <>
      <h1>Drafts</h1>
      {missing !== undefined ? (
        <p role="status" className="form-status form-status--error">
          That draft does not exist, or it is not one you can open.
        </p>
      ) : null}
      <p>
        <a href="/editor/drafts/new" className="button">
          New draft
        </a>
      </p>
      {drafts.length === 0 ? (
        <p>No drafts yet.</p>
      ) : (
        <table className="editor-table">
          <caption className="visually-hidden">Drafts you can open, most recently changed first</caption>
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Author</th>
              <th scope="col">Status</th>
              <th scope="col">Last changed</th>
            </tr>
          </thead>
          <tbody>
            {drafts.map((draft) => (
              <tr key={draft.id}>
                <th scope="row">
                  <a href={`/editor/drafts/${draft.id}`}>{draft.title}</a>
                </th>
                <td>{draft.authorName}</td>
                <td>{statusLabels[draft.status]}</td>
                <td>
                  {formatTime(draft.updatedAt)} by {draft.updatedByName}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
