import { ActionForm, type FormAction } from '@/components/forms/action-form';
import { LabelledField } from '@/components/forms/labelled-field';
import type { SectionRow } from '@/lib/sections/service';

type Actions = { edit: FormAction; move: FormAction; retire: FormAction };

/**
 * Move up and move down, as two small forms: ordering works without JavaScript. Both are always there
 * (at an end the answer says so), so each form, and the answer in it, stays put while rows move.
 */
export function SectionOrder({ section, move }: { section: SectionRow; move: FormAction }) {
  return (
    <div className="inline-form">
      {(['up', 'down'] as const).map((direction) => (
        <ActionForm key={direction} action={move} submitLabel={`Move ${section.name} ${direction}`} pendingLabel="Moving…" className="inline-form">
          <input type="hidden" name="slug" value={section.slug} />
          <input type="hidden" name="direction" value={direction} />
        </ActionForm>
      ))}
    </div>
  );
}

/** Rename and re-describe (the address stays), and retire, asking where its articles go if it has any. */
export function SectionEditor({ section, others, actions }: { section: SectionRow; others: SectionRow[]; actions: Actions }) {
  const id = `section-${section.slug}`;
  return (
    <section aria-labelledby={`${id}-heading`} className="editor-panel">
      <h3 id={`${id}-heading`}>
        {section.name} <span className="meta">/category/{section.slug}</span>
      </h3>
      <ActionForm action={actions.edit} submitLabel={`Save ${section.name}`} pendingLabel="Saving…">
        <input type="hidden" name="slug" value={section.slug} />
        <input type="hidden" name="seen" value={section.seen} />
        <LabelledField id={`${id}-name`} label="Name" hint="Its address stays the same, so links to it keep working.">
          {(props) => <input {...props} name="name" defaultValue={section.name} required minLength={2} maxLength={60} autoComplete="off" />}
        </LabelledField>
        <LabelledField id={`${id}-description`} label="Description">
          {(props) => <textarea {...props} name="description" defaultValue={section.description} rows={2} required minLength={10} maxLength={300} />}
        </LabelledField>
      </ActionForm>
      <ActionForm action={actions.retire} submitLabel={`Retire ${section.name}`} pendingLabel="Retiring…">
        <input type="hidden" name="slug" value={section.slug} />
        <input type="hidden" name="seen" value={section.seen} />
        {section.inNavigation ? <p className="meta">In the site’s navigation: once it is retired, change that link in Site settings.</p> : null}
        {section.articles > 0 ? (
          <LabelledField
            id={`${id}-target`}
            label={`Move its ${section.articles === 1 ? 'article' : `${section.articles} articles`} to`}
            hint={`Drafts and published articles go to that section, and /category/${section.slug} leads there.`}
          >
            {(props) => (
              <select {...props} name="target" required defaultValue="">
                <option value="" disabled>
                  Choose a section
                </option>
                {others.map((other) => (
                  <option key={other.slug} value={other.slug}>
                    {other.name}
                  </option>
                ))}
              </select>
            )}
          </LabelledField>
        ) : (
          <p className="meta">It has no articles: retiring takes it off the site at once.</p>
        )}
      </ActionForm>
    </section>
  );
}
