import type { ReactNode } from 'react';

/** What a form may get back besides its message, so it can redraw itself (also without JavaScript). */
type FormEcho = {
  /** The fields as the form should show them next: what was typed, when a change is refused. */
  values?: Record<string, string>;
  /** What the server rendered for the form to show, such as a preview or both sides of a conflict. */
  views?: Record<string, ReactNode>;
};

/** What every server action returns; `null` is the state before the form was ever sent. */
export type ActionState =
  | ({ ok: true; message: string } & FormEcho)
  | ({ ok: false; error: string; fieldErrors?: Record<string, string[]> } & FormEcho)
  | null;
