import { DraftRevisionContent } from '@/components/editor/draft-revision';
import { ActionForm } from '@/components/forms/action-form';
import { listAuthorProfiles } from '@/db/queries/author-profiles';
import { listRevisions } from '@/db/queries/draft-revisions';
import { can } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';
import { getSite } from '@/lib/content';
import { formatTime } from '@/lib/dates/format';
import { changedFields, FIELD_LABELS } from '@/lib/drafts/changes';
import { loadDraft } from '@/lib/drafts/load';
import { viewerOf } from '@/lib/drafts/viewer';
import { routes } from '@/lib/routes';

import { restoreRevisionAction } from '../../../actions/drafts';

export const metadata = { title: 'Draft history' };

export default async function DraftHistoryPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser('drafts:write-own');
  const site = await getSite();
  const draft = await loadDraft(user, (await params).id);
  const [revisions, people] = await Promise.all([listRevisions(viewerOf(user), draft.id), listAuthorProfiles()]);
  const names = new Map(people.map((person) => [person.id, person.name]));
  const canRestore = can(user.role, 'drafts:edit-any') || draft.status === 'draft';

  return (
    <>
      <h1>History of “{draft.title}”</h1>
      <p>
        <a href={routes.editor.draft(draft.id)}>Back to the draft</a> · current version {draft.version}
      </p>
      <ol reversed role="list">
        {revisions.map((revision, index) => {
          const previous = revisions[index + 1];
          const changed = previous ? changedFields(previous.content, revision.content) : [];
          return (
            <li key={revision.id}>
              <h2>
                Version {revision.version}
                {revision.version === draft.version ? ' (current)' : ''}
              </h2>
              <p>
                {revision.summary} by {revision.savedByName}, {formatTime(revision.createdAt, site)}.{' '}
                {previous ? (changed.length > 0 ? `Changed: ${changed.map((field) => FIELD_LABELS[field]).join(', ')}.` : 'No field changed.') : 'First version.'}
              </p>
              <details>
                <summary>Show version {revision.version}</summary>
                <DraftRevisionContent content={revision.content} names={names} />
              </details>
              {canRestore && revision.version !== draft.version ? (
                <ActionForm action={restoreRevisionAction} submitLabel={`Restore version ${revision.version}`} pendingLabel="Restoring…" className="inline-form">
                  <input type="hidden" name="id" value={draft.id} />
                  <input type="hidden" name="version" value={revision.version} />
                  <input type="hidden" name="baseVersion" value={draft.version} />
                </ActionForm>
              ) : null}
            </li>
          );
        })}
      </ol>
    </>
  );
}
