import { LabelledField } from '@/components/forms/labelled-field';

type BylineFieldsProps = {
  values: Record<string, string>;
  answered: Record<string, string> | undefined;
  errors: Record<string, string[] | undefined>;
  authors: { id: string; name: string; kind: string }[];
  /** At most this many authors (MAX_AUTHORS). */
  max: number;
};

// One select per place on the byline, in order, "— none —" for an empty place: choosing, removing
// and reordering authors all work without JavaScript. One empty place more than are filled (at least
// three) keeps the panel short; saving adds the next.
export function BylineFields({ values, answered, errors, authors, max }: BylineFieldsProps) {
  const names = Array.from({ length: max }, (_, index) => `author${index + 1}`);
  const filled = names.filter((name) => values[name]).length;
  const shown = names.slice(0, Math.min(max, Math.max(3, filled + 1)));
  const problems = errors.authorIds;
  return (
    <fieldset className="choice byline-fields" aria-describedby={problems?.length ? 'draft-byline-errors' : 'draft-byline-hint'}>
      <legend>Byline</legend>
      <p className="field__hint" id="draft-byline-hint">
        The authors in the order readers see them (“By A and B”). Choose “— none —” to take one off.
      </p>
      {shown.map((name, index) => (
        <LabelledField key={name} id={`draft-${name}`} label={`Author ${index + 1}`}>
          {(props) => (
            // Keyed by the answer's value, like the category select (see DraftMetadata).
            <select {...props} key={`${name}-${answered?.[name]}`} name={name} defaultValue={values[name] ?? ''}>
              <option value="">— none —</option>
              {authors.map((author) => (
                <option key={author.id} value={author.id}>
                  {author.name} ({author.kind})
                </option>
              ))}
            </select>
          )}
        </LabelledField>
      ))}
      {problems?.length ? (
        <ul className="form-status form-status--error" id="draft-byline-errors">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}
