/** What every server action returns; `null` is the state before the form was ever sent. */
export type ActionState =
  | { ok: true; message: string }
  | { ok: false; error: string; fieldErrors?: Record<string, string[]> }
  | null;
