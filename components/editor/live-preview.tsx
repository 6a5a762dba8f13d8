'use client';

import { type ReactNode, useEffect, useRef, useState } from 'react';

import type { FormAction } from '@/components/forms/action-form';

type LivePreviewProps = {
  formId: string;
  /** Renders the form's current values on the server; stores nothing. */
  action: FormAction;
  /** The preview the server rendered with the page or with the last save or "Preview". */
  initial: ReactNode;
};

const DELAY_MS = 500;

/**
 * With JavaScript, re-renders the preview on the server half a second after typing stops. Without
 * it, the form's "Preview" button does the same through a full page.
 */
export function LivePreview({ formId, action, initial }: LivePreviewProps) {
  // A live result is only shown while it is newer than the server's last one.
  const [live, setLive] = useState<{ over: ReactNode; view: ReactNode; error?: string; notice?: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const latest = useRef(0);
  const initialRef = useRef(initial);
  useEffect(() => {
    initialRef.current = initial;
  }, [initial]);

  useEffect(() => {
    const form = document.getElementById(formId);
    if (!(form instanceof HTMLFormElement)) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = async () => {
      const request = ++latest.current;
      // The preview this answer replaces: if a save or "Preview" brings a newer one meanwhile, that wins.
      const over = initialRef.current;
      const data = new FormData(form);
      // A preview never uploads: the chosen picture is sent only by "Save draft".
      data.delete('heroImage');
      setBusy(true);
      try {
        const state = await action(null, data);
        if (request !== latest.current) return;
        if (state?.retryAfterMs) {
          // Too many previews in a row: keep the one shown, say so, and ask again when allowed.
          setLive((shown) => ({ over, view: shown && shown.over === over ? shown.view : null, notice: state.ok ? state.message : state.error }));
          schedule(state.retryAfterMs);
          return;
        }
        setLive({ over, view: state?.views?.preview ?? null, ...(state && !state.ok ? { error: state.error } : {}) });
      } catch {
        if (request === latest.current) setLive({ over, view: null, error: 'The preview could not be updated. Your text is still in the form.' });
      } finally {
        if (request === latest.current) setBusy(false);
      }
    };
    const schedule = (delay = DELAY_MS) => {
      clearTimeout(timer);
      timer = setTimeout(refresh, delay);
    };
    const onEdit = () => schedule();
    // A save or "Preview" brings its own preview: drop the one waiting to be asked for and any
    // answer still on its way, both made from the form as it was before.
    const supersede = () => {
      clearTimeout(timer);
      latest.current += 1;
      setBusy(false);
    };
    form.addEventListener('input', onEdit);
    form.addEventListener('change', onEdit);
    form.addEventListener('submit', supersede);
    return () => {
      clearTimeout(timer);
      form.removeEventListener('input', onEdit);
      form.removeEventListener('change', onEdit);
      form.removeEventListener('submit', supersede);
    };
  }, [formId, action]);

  const current = live && live.over === initial ? live : null;
  return (
    <div aria-busy={busy}>
      {current?.error ? <p className="form-status form-status--error">{current.error}</p> : null}
      {current?.notice ? (
        <p className="form-status" role="status">
          {current.notice}
        </p>
      ) : null}
      {current?.view ?? initial}
    </div>
  );
}
