'use client';

import { useCallback, useEffect, useRef, useState } from 'react';

import type { FormAction } from '@/components/forms/action-form';
import type { ActionState } from '@/lib/actions/result';

import { useAutosaveTriggers } from './autosave-triggers';
import type { SaveStatus } from './save-status';
import { showSaved } from './saved-fields';
import { clearUnsavedCopy, keepUnsavedCopy, textValuesOf } from './unsaved-copy';

const PAUSE_MS = 2000;
/** Each change is kept in this browser this soon after typing stops: a tab closed before the save loses nothing. */
const KEEP_MS = 300;
const RETRY_MS = 15_000;
const UNREACHABLE = 'the server could not be reached';

type Options = {
  formId: string;
  draftId: string;
  /** The person typing: copies kept in the browser are theirs alone. */
  writerId: string;
  version: number;
  save: FormAction;
  /** The form's own last answer (Preview, with JavaScript): once it comes, it is the one shown. */
  formState: ActionState;
};

/**
 * Saves the draft form after a pause in typing, on Ctrl/Cmd+S and on Save, through the same
 * versioned save as the form (a save never lands over a newer version). It calls the action itself
 * rather than submitting the form, so React never resets the fields: what is typed during a save,
 * the focus and the selection all stay. Every change is kept in this browser (see unsaved-copy.ts)
 * moments after it is typed, and dropped from there once a save has it.
 */
export function useAutosave({ formId, draftId, writerId, version: initialVersion, save, formState }: Options) {
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const [answer, setAnswer] = useState<ActionState>(null);
  const [version, setVersion] = useState(initialVersion);
  const versionRef = useRef(initialVersion);
  const edits = useRef(0);
  const savedEdits = useRef(0);
  const inFlight = useRef(false);
  const blocked = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const keepTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  // Each save refreshes the page, which may hand over a new reference to the same action: kept in a
  // ref, so nothing that schedules saves is rebuilt (and its timer dropped) by a save.
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);
  const [seenFormState, setSeenFormState] = useState(formState);
  if (formState !== seenFormState) {
    setSeenFormState(formState);
    setAnswer(null);
    setStatus({ kind: 'idle' });
  }

  const form = useCallback(() => {
    const element = document.getElementById(formId);
    return element instanceof HTMLFormElement ? element : null;
  }, [formId]);

  // The form is passed in by a page being left, when it may be out of the document already.
  const keep = useCallback(
    (element = form()) => {
      clearTimeout(keepTimer.current);
      keepTimer.current = undefined;
      return element ? keepUnsavedCopy({ writerId, draftId, baseVersion: versionRef.current, at: Date.now(), values: textValuesOf(element) }) : false;
    },
    [draftId, writerId, form],
  );
  const keepSoon = useCallback(() => {
    clearTimeout(keepTimer.current);
    keepTimer.current = setTimeout(() => keep(), KEEP_MS);
  }, [keep]);

  /** Based on another version from now on (a restored copy typed over an older one, say). */
  const rebase = useCallback((next: number) => {
    versionRef.current = next;
    setVersion(next);
  }, []);

  // Timers call the latest `run` through this, since `run` schedules itself.
  const runRef = useRef<(intent: 'save' | 'overwrite', how: { explicit: boolean }) => Promise<void>>(undefined);
  const later = useCallback((delay: number, explicit = false, intent: 'save' | 'overwrite' = 'save') => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void runRef.current?.(intent, { explicit }), delay);
  }, []);

  const run = useCallback(
    async (intent: 'save' | 'overwrite', { explicit }: { explicit: boolean }) => {
      clearTimeout(timer.current);
      const element = form();
      if (!element) return;
      // Stopped by a conflict: only the person's own choice (Save, or Save mine over theirs) goes on.
      if (blocked.current && !explicit) return;
      if (inFlight.current) {
        later(PAUSE_MS, explicit, intent);
        return;
      }
      const data = new FormData(element);
      // Autosave never uploads the hero image: a picture goes only with Save or Ctrl+S, once.
      const file = data.get('heroImage');
      if (!explicit) data.delete('heroImage');
      data.set('intent', intent);
      data.set('version', String(versionRef.current));
      data.set('autosave', '1');
      const sent = edits.current;
      inFlight.current = true;
      setStatus({ kind: 'saving' });
      let result: ActionState;
      try {
        result = await saveRef.current(null, data);
      } catch {
        result = null;
      } finally {
        inFlight.current = false;
      }
      if (!result) {
        const kept = keep();
        setStatus({ kind: 'failed', reason: UNREACHABLE, kept });
        later(RETRY_MS);
        return;
      }
      setAnswer(result);
      if (result.ok) {
        blocked.current = false;
        showSaved(element, data, result.values ?? {});
        const saved = Number(result.values?.version);
        if (saved) rebase(saved);
        // The picture is stored now: it must not go again with the next save.
        const input = element.elements.namedItem('heroImage');
        if (explicit && file instanceof File && file.size > 0 && input instanceof HTMLInputElement) input.value = '';
        savedEdits.current = sent;
        const pictureWaits = input instanceof HTMLInputElement && (input.files?.length ?? 0) > 0;
        if (edits.current === sent) {
          clearTimeout(keepTimer.current);
          clearUnsavedCopy({ writerId, draftId });
          setStatus({ kind: 'saved', message: pictureWaits ? `${result.message} The new hero image is uploaded when you press Save.` : result.message });
        } else {
          setStatus({ kind: 'unsaved' });
          later(PAUSE_MS);
        }
        return;
      }
      const kept = keep();
      if (result.conflict) {
        blocked.current = true;
        setStatus({ kind: 'conflict', reason: result.error, kept });
      } else {
        setStatus({ kind: 'failed', reason: result.error.replace(/^Not saved: /, ''), kept });
      }
    },
    [draftId, writerId, form, keep, later, rebase],
  );

  useEffect(() => {
    runRef.current = run;
  }, [run]);

  useAutosaveTriggers(form, {
    edited: () => {
      edits.current += 1;
      keepSoon();
      if (blocked.current) return;
      setStatus((shown) => (shown.kind === 'saving' ? shown : { kind: 'unsaved' }));
      later(PAUSE_MS);
    },
    saveKey: () => void run('save', { explicit: true }),
    online: () => {
      if (edits.current !== savedEdits.current) void run('save', { explicit: false });
    },
    // Leaving within moments of the last keystroke: what is waiting to be kept is kept now.
    leaving: (element) => {
      if (keepTimer.current !== undefined) keep(element);
    },
  });
  useEffect(() => () => clearTimeout(timer.current), []);

  /** Saves what is not saved yet, now: the version that holds everything typed, or null if it could not be saved. */
  const flush = useCallback(async (): Promise<number | null> => {
    while (inFlight.current) await new Promise((resolve) => setTimeout(resolve, 100));
    if (edits.current !== savedEdits.current) await run('save', { explicit: true });
    return edits.current === savedEdits.current && !blocked.current ? versionRef.current : null;
  }, [run]);

  const unsaved = status.kind === 'unsaved' || status.kind === 'saving' || status.kind === 'failed' || status.kind === 'conflict';
  return { status, answer, version, unsaved, rebase, saveNow: run, flush };
}
