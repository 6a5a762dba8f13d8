'use client';

import { type ReactNode, useActionState, useId } from 'react';

import type { ActionState } from '@/lib/actions/result';

import { FormStatus } from './form-status';
import { type ButtonTone, SubmitButton } from './submit-button';

/** A server action as a form calls it: the last answer and the posted fields in, the next answer out. */
export type FormAction<Extra = unknown> = (state: ActionState<Extra>, data: FormData) => Promise<ActionState<Extra>>;

/**
 * The one way a form is wired to its action. `useActionState` makes the form post without JavaScript
 * (the page comes back with the answer) and answer in place with it; `statusId` names the status
 * line the form is described by, and `errors` holds the problems of a refused post, field by field.
 */
export function useActionForm<Extra>(action: FormAction<Extra>, statusId?: string) {
  const [state, formAction] = useActionState(action, null);
  const id = useId();
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return { state, formAction, id, statusId: statusId ?? `${id}-status`, errors };
}

type ActionFormProps = {
  action: FormAction;
  submitLabel: string;
  pendingLabel: string;
  children?: ReactNode;
  className?: string;
  /** How the button looks: the page's primary action, or one that undoes something (destructive). */
  tone?: ButtonTone;
  /**
   * Whether the action applies now (Unpublish only to a published article). When it does not, the
   * form is not shown, except for the answer of its last press, which stays after the page changes.
   */
  available?: boolean;
};

/** A form that is its fields, one submit button and the status line: most newsroom forms. */
export function ActionForm({ action, submitLabel, pendingLabel, children, className, tone, available = true }: ActionFormProps) {
  const { state, formAction, statusId } = useActionForm(action);
  if (!available && state === null) return null;
  return (
    <form action={formAction} className={className ?? 'editor-form'} aria-describedby={statusId}>
      {available ? (
        <>
          {children}
          <SubmitButton label={submitLabel} pendingLabel={pendingLabel} tone={tone} />
        </>
      ) : null}
      <FormStatus id={statusId} state={state} />
    </form>
  );
}
