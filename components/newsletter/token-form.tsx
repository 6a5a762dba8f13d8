'use client';

import { useActionState } from 'react';
import type { ActionState } from '@/lib/actions/result';
import { FormStatus } from './form-status';
import { SubmitButton } from './submit-button';

type TokenFormProps = {
  action: (state: ActionState, data: FormData) => Promise<ActionState>;
  token: string;
  label: string;
  pendingLabel: string;
  /** Shown instead of the button when there is nothing left to do (e.g. already unsubscribed). */
  done?: string;
};

// Confirming or leaving takes a button press (a POST): mail scanners that open links change nothing.
export function TokenForm({ action, token, label, pendingLabel, done }: TokenFormProps) {
  const [state, formAction] = useActionState(action, null);
  const finished = state?.ok || (state === null && done !== undefined);
  return (
    <form action={formAction} className="token-form">
      <input type="hidden" name="token" value={token} />
      {finished ? null : <SubmitButton label={label} pendingLabel={pendingLabel} />}
      <FormStatus id="token-form-status" state={state ?? (done === undefined ? null : { ok: true, message: done })} />
    </form>
  );
}
