/**
 * What was typed in a draft and not saved yet, kept in this browser (localStorage) so a failed save,
 * a lost connection or a closed tab never loses it. One copy per draft, with the version it was
 * typed over: offered back on the next visit, and never applied over a newer version unseen (see
 * DraftForm). Nothing here leaves the browser.
 */
export type UnsavedCopy = { draftId: string; baseVersion: number; at: number; values: Record<string, string> };

const PREFIX = 'broadsheet:unsaved-draft:';

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
    storage()?.setItem(PREFIX + copy.draftId, JSON.stringify(copy));
    return storage() !== null;
  } catch {
    return false; // full: the text is still in the form, and the status says it is not saved
  }
}

export function readUnsavedCopy(draftId: string): UnsavedCopy | null {
  const raw = storage()?.getItem(PREFIX + draftId);
  if (!raw) return null;
  try {
    const copy = JSON.parse(raw) as Partial<UnsavedCopy>;
    if (copy.draftId !== draftId || typeof copy.baseVersion !== 'number' || typeof copy.at !== 'number' || typeof copy.values !== 'object' || !copy.values) return null;
    return copy as UnsavedCopy;
  } catch {
    return null;
  }
}

export function clearUnsavedCopy(draftId: string): void {
  storage()?.removeItem(PREFIX + draftId);
}
