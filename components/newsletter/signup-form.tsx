'use client';

import { useActionState, useId } from 'react';
import type { ActionState } from '@/lib/actions/result';
import { FormStatus } from './form-status';
import { SubmitButton } from './submit-button';

type SignupFormProps = { action: (state: ActionState, data: FormData) => Promise<ActionState> };

// A plain POST without JavaScript (the page comes back with the result); inline status with it.
export function SignupForm({ action }: SignupFormProps) {
  const [state, formAction] = useActionState(action, null);
  const id = useId();
  const invalid = state?.ok === false && Boolean(state.fieldErrors?.email);
  return (
    <form action={formAction} className="signup-form" noValidate>
      <label htmlFor={`${id}-email`}>Email address</label>
      <div className="signup-form__row">
        <input
          id={`${id}-email`}
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          maxLength={254}
          required
          aria-invalid={invalid || undefined}
          aria-describedby={`${id}-status`}
        />
        <SubmitButton label="Sign up" pendingLabel="Signing up…" />
      </div>
      <div className="honeypot" aria-hidden="true">
        <label htmlFor={`${id}-website`}>Leave this field empty</label>
        <input id={`${id}-website`} name="website" type="text" tabIndex={-1} autoComplete="off" />
      </div>
      <FormStatus id={`${id}-status`} state={state} />
    </form>
  );
}
