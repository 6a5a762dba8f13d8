import type { ActionState } from '@/lib/actions/result';

/** What the status beside Save says. */
export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  | { kind: 'saved'; message: string }
  | { kind: 'failed'; reason: string; kept: boolean }
  /** Someone saved a newer version: autosave waits until the person chooses what to keep. */
  | { kind: 'conflict'; reason: string; kept: boolean };

const KEPT = ' — your text is kept in this browser.';
const NOT_KEPT = ' — your text is still in the form, but this browser could not keep a copy: do not close the page.';

function textOf(status: SaveStatus, state: ActionState, initial: string): { text: string; error: boolean } {
  switch (status.kind) {
    case 'unsaved':
      return { text: 'Unsaved changes', error: false };
    case 'saving':
      return { text: 'Saving…', error: false };
    case 'saved':
      return { text: status.message, error: false };
    case 'failed':
      return { text: `Not saved: ${status.reason.replace(/\.$/, '')}${status.kept ? KEPT : NOT_KEPT}`, error: true };
    case 'conflict':
      return { text: `Not saved: ${status.reason} Autosave waits until you choose below${status.kept ? KEPT : NOT_KEPT}`, error: true };
    case 'idle':
      // Before any autosave, and always without JavaScript: the answer of the last post, if any.
      if (!state) return { text: initial, error: false };
      return state.ok ? { text: state.message, error: false } : { text: state.error, error: true };
  }
}

/** The status beside Save: what is saved, what is not, and why; read out by screen readers as it changes. */
export function SaveStatusLine({ id, status, state, initial }: { id: string; status: SaveStatus; state: ActionState; initial: string }) {
  const { text, error } = textOf(status, state, initial);
  return (
    <p id={id} role="status" aria-live="polite" className={`form-status desk-bar__status${error ? ' form-status--error' : ''}`}>
      {text}
    </p>
  );
}
