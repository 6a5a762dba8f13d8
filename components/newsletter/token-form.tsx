'use client';

import { type FormAction, useActionForm } from '@/components/forms/action-form';
import { FormStatus } from '@/components/forms/form-status';
import { SubmitButton } from '@/components/forms/submit-button';

type TokenFormProps = {
  action: FormAction;
  token: string;
  label: string;
  pendingLabel: string;
  /** Shown instead of the button when there is nothing left to do (e.g. already unsubscribed). */
  done?: string;
};

// Confirming or leaving takes a button press (a POST): mail scanners that open links change nothing.
export function TokenForm({ action, token, label, pendingLabel, done }: TokenFormProps) {
  const { state, formAction, statusId } = useActionForm(action, 'token-form-status');
  const finished = state?.ok || (state === null && done !== undefined);
  return (
    <form action={formAction}>
      <input type="hidden" name="token" value={token} />
      {finished ? null : <SubmitButton label={label} pendingLabel={pendingLabel} />}
      <FormStatus id={statusId} state={state ?? (done === undefined ? null : { ok: true, message: done })} />
    </form>
  );
}
