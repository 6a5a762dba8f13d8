'use client';

import { type FormAction, useActionForm } from '@/components/forms/action-form';
import { FormStatus } from '@/components/forms/form-status';
import { LabelledField } from '@/components/forms/labelled-field';
import { SubmitButton } from '@/components/forms/submit-button';

/** Starts a draft from a title; the rest is written on the draft's own page. */
export function DraftNewForm({ action }: { action: FormAction }) {
  const { state, formAction, statusId, errors } = useActionForm(action, 'new-draft-status');
  const values = state?.values ?? {};
  return (
    <form action={formAction} className="editor-form" aria-describedby={statusId}>
      <LabelledField id="draft-title" label="Title" errors={errors.title}>
        {(props) => <input {...props} name="title" defaultValue={values.title} required maxLength={140} />}
      </LabelledField>
      <LabelledField id="draft-slug" label="Address" hint="Optional: made from the title when left empty." errors={errors.slug}>
        {(props) => <input {...props} name="slug" defaultValue={values.slug} maxLength={80} />}
      </LabelledField>
      <SubmitButton label="Start draft" pendingLabel="Starting…" />
      <FormStatus id={statusId} state={state} />
    </form>
  );
}
