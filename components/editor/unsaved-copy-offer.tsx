'use client';

import { useEffect, useState } from 'react';

import { clearUnsavedCopy, readUnsavedCopy, type UnsavedCopy } from './unsaved-copy';

/** The fields a kept copy may put back; hidden ones (the hero picture's id, versions) stay the page's. */
const RESTORED = [
  'title',
  'slug',
  'standfirst',
  'category',
  'tags',
  'author1',
  'author2',
  'author3',
  'author4',
  'author5',
  'author6',
  'credit',
  'heroAlt',
  'heroCredit',
  'body',
] as const;

type OfferProps = {
  formId: string;
  draftId: string;
  writerId: string;
  /** The version on the server now, and its fields, to tell a copy apart from what is saved. */
  version: number;
  saved: Record<string, string>;
  clock: { locale: string; timeZone: string };
  /** The copy goes in as typed over its own version, so a newer one is shown side by side, never overwritten. */
  onRestore: (copy: UnsavedCopy) => void;
};

function differs(copy: UnsavedCopy, saved: Record<string, string>) {
  return RESTORED.some((name) => (copy.values[name] ?? '') !== (saved[name] ?? '')) || (copy.values.featured === 'on') !== (saved.featured === 'on');
}

/** Puts a kept copy's text into the form and tells everyone listening (live preview, autosave, rich editor). */
export function fillForm(form: HTMLFormElement, values: Record<string, string>) {
  for (const name of [...RESTORED, 'featured']) {
    const field = form.elements.namedItem(name);
    if (field instanceof HTMLInputElement && field.type === 'checkbox') field.checked = values[name] === 'on';
    else if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement || field instanceof HTMLSelectElement) field.value = values[name] ?? '';
    else continue;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  }
}

/** "You have unsaved text from 17:03: Restore / Discard", when this browser kept some for this draft. */
export function UnsavedCopyOffer({ formId, draftId, writerId, version, saved, clock, onRestore }: OfferProps) {
  const [copy, setCopy] = useState<UnsavedCopy | null>(null);

  useEffect(() => {
    const kept = readUnsavedCopy({ writerId, draftId });
    if (kept && !differs(kept, saved)) clearUnsavedCopy({ writerId, draftId });
    // localStorage exists only in the browser, after the page is drawn: read once, on arrival.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    else setCopy(kept);
    // On arrival only: later saves of this page write the copy themselves.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draftId, writerId]);

  if (!copy) return null;
  const at = new Intl.DateTimeFormat(clock.locale, { timeZone: clock.timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(copy.at));
  const newer = copy.baseVersion < version;
  return (
    <section className="desk-notice" aria-labelledby="unsaved-copy-heading">
      <h2 id="unsaved-copy-heading">You have unsaved text from {at}</h2>
      <p>
        This browser kept it before it was saved.{' '}
        {newer
          ? `It was typed over version ${copy.baseVersion}, and the draft has been saved since (version ${version}): restoring it shows both versions before anything is saved over the newer one.`
          : 'Restore it to put it back in the form and save it, or discard it.'}
      </p>
      <p className="action-row">
        <button
          type="button"
          className="button"
          onClick={() => {
            const form = document.getElementById(formId);
            if (form instanceof HTMLFormElement) {
              onRestore(copy);
              fillForm(form, copy.values);
            }
            setCopy(null);
          }}
        >
          Restore
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            clearUnsavedCopy({ writerId, draftId });
            setCopy(null);
          }}
        >
          Discard
        </button>
      </p>
    </section>
  );
}
