'use client';

import { useEffect, useRef } from 'react';

type Triggers = {
  /** A field changed (typed, chosen, ticked). */
  edited: () => void;
  /** Ctrl/Cmd+S. */
  saveKey: () => void;
  /** The connection came back. */
  online: () => void;
  /** The page is being left or the form goes away, maybe out of the document already. */
  leaving: (form: HTMLFormElement) => void;
};

/** The browser events autosave answers, on the form `form()` finds: subscribed once, calling the latest triggers. */
export function useAutosaveTriggers(form: () => HTMLFormElement | null, triggers: Triggers): void {
  const latest = useRef(triggers);
  useEffect(() => {
    latest.current = triggers;
  });

  useEffect(() => {
    const element = form();
    if (!element) return;
    const edited = (event: Event) => {
      // A text field also fires "change" when it loses focus, after its "input" events were counted.
      const target = event.target;
      const typed = target instanceof HTMLTextAreaElement || (target instanceof HTMLInputElement && !['checkbox', 'radio', 'file'].includes(target.type));
      if (event.type === 'change' && typed) return;
      latest.current.edited();
    };
    const shortcut = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') {
        event.preventDefault(); // the browser's "Save page as…"
        latest.current.saveKey();
      }
    };
    const online = () => latest.current.online();
    const leaving = () => latest.current.leaving(element);
    element.addEventListener('input', edited);
    element.addEventListener('change', edited);
    document.addEventListener('keydown', shortcut);
    window.addEventListener('online', online);
    window.addEventListener('pagehide', leaving);
    return () => {
      leaving();
      element.removeEventListener('input', edited);
      element.removeEventListener('change', edited);
      document.removeEventListener('keydown', shortcut);
      window.removeEventListener('online', online);
      window.removeEventListener('pagehide', leaving);
    };
  }, [form]);
}
