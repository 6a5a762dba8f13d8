import type { ImportPreview } from '@/lib/subscribers/import';
import type { Kind } from '@/lib/subscribers/import-plan';

import { DataTable } from './data-table';

const headings: Record<Kind, string> = { invalid: 'Bad rows', skip: 'Skipped', add: 'To add', update: 'To update', suppress: 'To suppress' };

/** Step one's answer: the counts, then the rows of each kind with the reason for each. */
export function ImportPreviewView({ preview }: { preview: ImportPreview }) {
  return (
    <section aria-labelledby="import-preview-title">
      <h2 id="import-preview-title">What the import will do</h2>
      {preview.notes.map((note) => (
        <p key={note} className="form-status form-status--error">
          {note}
        </p>
      ))}
      <dl className="stat-list">
        {(['add', 'update', 'suppress', 'skip', 'invalid'] as const).map((kind) => (
          <div key={kind}>
            <dt>{headings[kind]}</dt>
            <dd>{preview.counts[kind].toLocaleString('en')}</dd>
          </div>
        ))}
      </dl>
      {preview.groups.map((group) => (
        <section key={group.kind} aria-labelledby={`import-${group.kind}`}>
          <h3 id={`import-${group.kind}`}>
            {headings[group.kind]} ({group.total.toLocaleString('en')})
          </h3>
          {group.lines.length < group.total ? (
            <p className="meta">
              The first {group.lines.length} of {group.total.toLocaleString('en')} are shown.
            </p>
          ) : null}
          <DataTable
            caption={`${headings[group.kind]}: the file's rows and why`}
            rows={group.lines}
            rowKey={(line) => line.row}
            columns={[
              { header: 'Row', cell: (line) => line.row },
              { header: 'Email', cell: (line) => line.email || '–' },
              { header: 'Name', cell: (line) => line.name ?? '–' },
              { header: 'Why', cell: (line) => line.reason },
            ]}
          />
        </section>
      ))}
    </section>
  );
}
