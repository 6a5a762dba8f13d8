'use client';

import { useActionState } from 'react';
import type { ActionState } from '@/lib/actions/result';
import { FormStatus } from '../newsletter/form-status';
import { SubmitButton } from '../newsletter/submit-button';
import { LabelledField } from './labelled-field';

type Action = (state: ActionState, data: FormData) => Promise<ActionState>;

/** Starts a draft from a title; the rest is written on the draft's own page. */
export function DraftNewForm({ action }: { action: Action }) {
  const [state, formAction] = useActionState(action, null);
  const values = state?.values ?? {};
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className="editor-form" aria-describedby="new-draft-status">
      <LabelledField id="draft-title" label="Title" errors={errors.title}>
        {(props) => <input {...props} name="title" defaultValue={values.title} required maxLength={140} />}
      </LabelledField>
      <LabelledField id="draft-slug" label="Address" hint="Optional: made from the title when left empty." errors={errors.slug}>
        {(props) => <input {...props} name="slug" defaultValue={values.slug} maxLength={80} />}
      </LabelledField>
      <SubmitButton label="Start draft" pendingLabel="Starting…" />
      <FormStatus id="new-draft-status" state={state} />
    </form>
  );
}
