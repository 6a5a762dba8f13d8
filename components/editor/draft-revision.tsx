import type { DraftContent } from '@/db/schema';
import { FIELD_LABELS, fieldText } from '@/lib/drafts/changes';

/** Every field of one revision, as it was saved. */
export function DraftRevisionContent({ content, names }: { content: DraftContent; names: Map<string, string> }) {
  return (
    <dl>
      {(Object.keys(FIELD_LABELS) as (keyof DraftContent)[]).map((field) => (
        <div key={field}>
          <dt>{FIELD_LABELS[field]}</dt>
          <dd>
            <pre className="pre-wrap">{fieldText(content, field, names) || '(empty)'}</pre>
          </dd>
        </div>
      ))}
    </dl>
  );
}
