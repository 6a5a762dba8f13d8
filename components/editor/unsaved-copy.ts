/**
 * What was typed in a draft and not saved yet, kept in this browser (localStorage) so a failed save,
 * a lost connection or a closed tab never loses it. One copy per writer and draft, with the version it was
 * typed over: offered back to that writer on the next visit (never to the next person signed in on a
 * shared computer), and never applied over a newer version unseen (see DraftForm). Signing out
 * removes the writer's copies. Nothing here leaves the browser.
 */
export type CopySlot = { writerId: string; draftId: string };
export type UnsavedCopy = CopySlot & { baseVersion: number; at: number; values: Record<string, string> };

const PREFIX = 'broadsheet:unsaved-draft:';
const keyOf = ({ writerId, draftId }: CopySlot) => `${PREFIX}${writerId}:${draftId}`;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    // Storage switched off (a private window in some browsers): the form still has the text.
    return null;
  }
}

/** The form's text fields (a chosen file is not text, and is never kept). */
export function textValuesOf(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of new FormData(form)) if (typeof value === 'string') values[name] = value;
  return values;
}

export function keepUnsavedCopy(copy: UnsavedCopy): boolean {
  try {
    storage()?.setItem(keyOf(copy), JSON.stringify(copy));
    return storage() !== null;
  } catch {
    return false; // full: the text is still in the form, and the status says it is not saved
  }
}

export function readUnsavedCopy(slot: CopySlot): UnsavedCopy | null {
  const raw = storage()?.getItem(keyOf(slot));
  if (!raw) return null;
  try {
    const copy = JSON.parse(raw) as Partial<UnsavedCopy>;
    if (
      copy.draftId !== slot.draftId ||
      copy.writerId !== slot.writerId ||
      typeof copy.baseVersion !== 'number' ||
      typeof copy.at !== 'number' ||
      typeof copy.values !== 'object' ||
      !copy.values
    )
      return null;
    return copy as UnsavedCopy;
  } catch {
    return null;
  }
}

export function clearUnsavedCopy(slot: CopySlot): void {
  storage()?.removeItem(keyOf(slot));
}

function keysOf(writerId: string): string[] {
  const kept = storage();
  const mine = `${PREFIX}${writerId}:`;
  return kept ? Object.keys(kept).filter((key) => key.startsWith(mine)) : [];
}

export function hasUnsavedCopies(writerId: string): boolean {
  return keysOf(writerId).length > 0;
}

/** Every copy this writer left in this browser: on signing out. */
export function clearUnsavedCopiesOf(writerId: string): void {
  for (const key of keysOf(writerId)) storage()?.removeItem(key);
}
