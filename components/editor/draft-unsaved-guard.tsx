'use client';

import { useEffect, useRef } from 'react';

/**
 * Warns before leaving a page whose form has changes that are not saved: from the first keystroke
 * until the form is sent, and again when the server hands the text back unsaved.
 */
export function DraftUnsavedGuard({ formId, unsaved }: { formId: string; unsaved: boolean }) {
  const dirty = useRef(unsaved);

  useEffect(() => {
    dirty.current = unsaved;
  }, [unsaved]);

  useEffect(() => {
    const form = document.getElementById(formId);
    if (!form) return;
    const markDirty = () => {
      dirty.current = true;
    };
    const markSent = () => {
      dirty.current = false;
    };
    const warn = (event: BeforeUnloadEvent) => {
      if (!dirty.current) return;
      event.preventDefault();
      event.returnValue = '';
    };
    form.addEventListener('input', markDirty);
    form.addEventListener('change', markDirty);
    form.addEventListener('submit', markSent);
    window.addEventListener('beforeunload', warn);
    return () => {
      form.removeEventListener('input', markDirty);
      form.removeEventListener('change', markDirty);
      form.removeEventListener('submit', markSent);
      window.removeEventListener('beforeunload', warn);
    };
  }, [formId]);

  return null;
}
