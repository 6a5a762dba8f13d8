import type { ConflictSummary } from '@/lib/actions/result';
import { routes } from '@/lib/routes';

import { DataTable } from './data-table';

/**
 * Both sides of a refused save, field by field, inside the edit form: the button re-sends what is
 * typed in the form, this time based on the version that is current now.
 */
export function DraftConflict({ draftId, conflict }: { draftId: string; conflict: ConflictSummary }) {
  const { fields } = conflict;
  return (
    <section aria-labelledby="conflict-heading">
      <h2 id="conflict-heading">Your version and the current version</h2>
      <p>
        Version {conflict.currentVersion} was saved by {conflict.changedBy} at {conflict.changedAt}.{' '}
        {fields.length === 0 ? 'It has the same content as yours.' : 'These fields differ:'}
      </p>
      {fields.length > 0 ? (
        <DataTable
          caption="Fields that differ between your version and the current version"
          rows={fields}
          rowKey={(field) => field.label}
          columns={[
            { header: 'Field', cell: (field) => field.label },
            { header: 'Your version (not saved)', cell: (field) => <pre className="pre-wrap">{field.mine}</pre> },
            { header: `Current version ${conflict.currentVersion}`, cell: (field) => <pre className="pre-wrap">{field.theirs}</pre> },
          ]}
        />
      ) : null}
      <p>
        <button type="submit" name="intent" value="overwrite" className="button">
          Save mine over theirs
        </button>{' '}
        <a href={routes.editor.draft(draftId)}>Load the current version (discards what you typed)</a>
      </p>
    </section>
  );
}
