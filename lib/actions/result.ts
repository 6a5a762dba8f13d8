import type { ReactNode } from 'react';

/** Two versions of a record, field by field, after a save was refused because someone saved first. */
export type ConflictSummary = {
  currentVersion: number;
  changedBy: string;
  changedAt: string;
  fields: { label: string; mine: string; theirs: string }[];
};

/** What a form may get back besides its message, so it can redraw itself (also without JavaScript). */
type FormEcho<Extra> = {
  /** The fields as the form should show them next: what was typed, when a change is refused. */
  values?: Record<string, string>;
  conflict?: ConflictSummary;
  /** What only one form needs back (a subscriber import's preview), typed by that form's action. */
  extra?: Extra;
  /**
   * What the server rendered for the form to show, such as a preview. Only for calls made with
   * JavaScript: without it, React writes the state into the next form post, and elements cannot be.
   */
  views?: Record<string, ReactNode>;
  /** Not done for now (a rate limit): when a client that asks by itself may ask again. */
  retryAfterMs?: number;
};

/** What every server action returns; `null` is the state before the form was ever sent. */
export type ActionState<Extra = unknown> =
  ({ ok: true; message: string } & FormEcho<Extra>) | ({ ok: false; error: string; fieldErrors?: Record<string, string[]> } & FormEcho<Extra>) | null;
