import type { ActionState } from '@/lib/actions/result';

export function FormStatus({ id, state }: { id: string; state: ActionState }) {
  return (
    <p id={id} role="status" aria-live="polite" className={`form-status${state ? (state.ok ? ' form-status--ok' : ' form-status--error') : ''}`}>
      {state ? (state.ok ? state.message : state.error) : null}
    </p>
  );
}
