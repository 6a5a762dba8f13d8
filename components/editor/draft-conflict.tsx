import type { DraftRecord } from '@/db/queries/drafts';
import type { DraftContent } from '@/db/schema';
import { changedFields, FIELD_LABELS, fieldText } from '@/lib/drafts/changes';

type DraftConflictProps = { mine: DraftContent; theirs: DraftRecord; names: Map<string, string> };

/**
 * Both sides of a refused save, field by field, inside the edit form: the button re-sends what is
 * typed in the form, this time based on the version that is current now.
 */
export function DraftConflict({ mine, theirs, names }: DraftConflictProps) {
  const fields = changedFields(mine, theirs);
  return (
    <section className="draft-conflict" aria-labelledby="conflict-heading">
      <h2 id="conflict-heading">Your version and the current version</h2>
      <p>
        Version {theirs.version} was saved by {theirs.updatedByName} at {theirs.updatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC.{' '}
        {fields.length === 0 ? 'It has the same content as yours.' : 'These fields differ:'}
      </p>
      {fields.length > 0 ? (
        <table className="editor-table">
          <caption className="visually-hidden">Fields that differ between your version and the current version</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Your version (not saved)</th>
              <th scope="col">Current version {theirs.version}</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((field) => (
              <tr key={field}>
                <th scope="row">{FIELD_LABELS[field]}</th>
                <td>
                  <pre className="draft-conflict__text" style={{ whiteSpace: 'pre-wrap' }}>{fieldText(mine, field, names)}</pre>
                </td>
                <td>
                  <pre className="draft-conflict__text" style={{ whiteSpace: 'pre-wrap' }}>{fieldText(theirs, field, names)}</pre>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <p>
        <button type="submit" name="intent" value="overwrite" className="button">
          Save mine over theirs
        </button>{' '}
        <a href={`/editor/drafts/${theirs.id}`}>Load the current version (discards what you typed)</a>
      </p>
    </section>
  );
}
