'use client';

import { type FormAction, useActionForm } from '@/components/forms/action-form';
import { FormStatus } from '@/components/forms/form-status';
import { SubmitButton } from '@/components/forms/submit-button';

type SignupFormProps = { action: FormAction };

// A plain POST without JavaScript (the page comes back with the result); inline status with it.
export function SignupForm({ action }: SignupFormProps) {
  const { state, formAction, id, statusId, errors } = useActionForm(action);
  const invalid = Boolean(errors.email);
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
          aria-describedby={statusId}
        />
        <SubmitButton label="Sign up" pendingLabel="Signing up…" />
      </div>
      <div className="honeypot" aria-hidden="true">
        <label htmlFor={`${id}-website`}>Leave this field empty</label>
        <input id={`${id}-website`} name="website" type="text" tabIndex={-1} autoComplete="off" />
      </div>
      <FormStatus id={statusId} state={state} />
    </form>
  );
}
