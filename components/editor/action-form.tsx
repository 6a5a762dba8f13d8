'use client';

import { useActionState, useId, type ReactNode } from 'react';
import type { ActionState } from '@/lib/actions/result';
import { FormStatus } from '../newsletter/form-status';
import { SubmitButton } from '../newsletter/submit-button';

type ActionFormProps = {
  action: (state: ActionState, data: FormData) => Promise<ActionState>;
  submitLabel: string;
  pendingLabel: string;
  children?: ReactNode;
  className?: string;
};

// Posts without JavaScript; with it, the result appears in place and the button shows progress.
export function ActionForm({ action, submitLabel, pendingLabel, children, className }: ActionFormProps) {
  const [state, formAction] = useActionState(action, null);
  const id = useId();
  return (
    <form action={formAction} className={className ?? 'editor-form'} aria-describedby={`${id}-status`}>
      {children}
      <SubmitButton label={submitLabel} pendingLabel={pendingLabel} />
      <FormStatus id={`${id}-status`} state={state} />
    </form>
  );
}
