'use client';

import type {} from 'altcha/types/react';
import { Fragment, useEffect, useRef } from 'react';

import { type FormAction, useActionForm } from '@/components/forms/action-form';
import { FormStatus } from '@/components/forms/form-status';
import { SubmitButton } from '@/components/forms/submit-button';

type ChallengeFormProps = {
  action: FormAction;
  /** A signed challenge (JSON) for the self-hosted ALTCHA widget. */
  challenge: string;
  email: string;
};

// The sign-up form again, with the ALTCHA widget: it solves the challenge as soon as it loads and
// then sends the form with its answer. Without JavaScript the post is answered "try again later".
export function ChallengeForm({ action, challenge, email }: ChallengeFormProps) {
  const { state, formAction, id, statusId } = useActionForm(action);
  const widget = useRef<HTMLElement>(null);
  useEffect(() => {
    // A sign-up answered on another page arrives here by client-side navigation, still under that
    // document's policy, which forbids the widget's workers and styles: load this page as its own.
    const arrival = performance.getEntriesByType('navigation')[0];
    if (arrival && new URL(arrival.name).pathname !== window.location.pathname) {
      window.location.reload();
      return;
    }
    const element = widget.current;
    const form = element?.closest('form');
    if (!element || !form) return;
    const send = () => form.requestSubmit();
    element.addEventListener('verified', send);
    // Imported here, in the browser: the module defines a custom element, which servers have not.
    void import('altcha');
    return () => element.removeEventListener('verified', send);
  }, [challenge]);
  return (
    <form action={formAction} className="signup-form" noValidate>
      <label htmlFor={`${id}-email`}>Email address</label>
      <div className="signup-form__row">
        <input id={`${id}-email`} name="email" type="email" autoComplete="email" inputMode="email" maxLength={254} required defaultValue={email} aria-describedby={statusId} />
        <SubmitButton label="Sign up" pendingLabel="Signing up…" />
      </div>
      {state?.ok ? null : (
        <Fragment key={challenge}>
          <altcha-widget ref={widget} challenge={challenge} auto="onload" name="altcha" />
        </Fragment>
      )}
      <FormStatus id={statusId} state={state} />
    </form>
  );
}
