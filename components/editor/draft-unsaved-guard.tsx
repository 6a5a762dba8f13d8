'use client';

import { useEffect } from 'react';

/**
 * Warns before leaving a page whose draft has changes that are not saved (autosave tells: typed and
 * not saved yet, a save under way, refused or failed). Even then the text is kept in this browser
 * (see unsaved-copy.ts), but leaving should not be how a writer finds out.
 */
export function DraftUnsavedGuard({ unsaved }: { unsaved: boolean }) {
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);
  return null;
}
