'use client';

import { type FormAction, useActionForm } from '@/components/forms/action-form';
import { FormStatus } from '@/components/forms/form-status';
import { LabelledField } from '@/components/forms/labelled-field';
import { buttonClass, SubmitButton } from '@/components/forms/submit-button';
import { BASED_ON_FIELD, FRONT_PAGE_POSITIONS, positionLabels, slotField, untilField } from '@/lib/front-page/positions';

export type StoryOption = { slug: string; label: string };

type Props = {
  action: FormAction;
  /** Where "Preview" sends the fields, by GET. */
  previewHref: string;
  stories: StoryOption[];
  /** The fields as they stand: the live layout, or what the preview came back with. */
  values: Record<string, string>;
  basedOn: string;
  timeZone: string;
};

/**
 * The lead and the three featured positions, each automatic or a chosen story with an optional pin.
 * "Preview" is a plain GET of the same fields (a new page, nothing saved); "Put live" posts them.
 */
export function FrontPageForm({ action, previewHref, stories, values: current, basedOn, timeZone }: Props) {
  const { state, formAction, statusId, errors } = useActionForm(action);
  const values = state && !state.ok ? (state.values ?? current) : current;
  // A refused post comes back with the version to base the next one on: after a conflict, the colleague's.
  const version = state && !state.ok && state.values ? (state.values[BASED_ON_FIELD] ?? '') : basedOn;
  return (
    <form action={formAction} className="editor-form" aria-describedby={statusId}>
      <input type="hidden" name={BASED_ON_FIELD} value={version} />
      {FRONT_PAGE_POSITIONS.map((position) => (
        <fieldset key={position} className="choice">
          <legend>{positionLabels[position]}</legend>
          <LabelledField id={`front-${slotField(position)}`} label="Story" errors={errors[slotField(position)]}>
            {(props) => (
              <select {...props} name={slotField(position)} defaultValue={values[slotField(position)] ?? ''}>
                <option value="">Automatic (newest featured story)</option>
                {stories.map((story) => (
                  <option key={story.slug} value={story.slug}>
                    {story.label}
                  </option>
                ))}
              </select>
            )}
          </LabelledField>
          <LabelledField
            id={`front-${untilField(position)}`}
            label={`Pinned until (${timeZone}, optional)`}
            hint="Empty: it stays until the layout changes. After this time the position is automatic again."
            errors={errors[untilField(position)]}
          >
            {(props) => <input {...props} type="datetime-local" name={untilField(position)} defaultValue={values[untilField(position)] ?? ''} />}
          </LabelledField>
        </fieldset>
      ))}
      <div className="inline-form">
        <button type="submit" className={buttonClass('plain')} formAction={previewHref} formMethod="get" formNoValidate>
          Preview
        </button>
        <SubmitButton label="Put live" pendingLabel="Putting live…" />
      </div>
      <FormStatus id={statusId} state={state} />
    </form>
  );
}
