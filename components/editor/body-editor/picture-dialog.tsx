'use client';

import { ButtonWithTooltip } from '@mdxeditor/editor';
import { createContext, type ReactNode, useContext, useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';

import type { FormAction } from '@/components/forms/action-form';
import type { UploadedFigure } from '@/lib/media/inline-image';
import { ACCEPTED_IMAGE_TYPES, MAX_UPLOAD_BYTES, tooLargeMessage, UPLOAD_HINT } from '@/lib/media/limits';

export type PictureUpload = FormAction<UploadedFigure>;

const ChoosePicture = createContext<(file: File) => void>(() => {});

export function PictureProvider({ choose, children }: { choose: (file: File) => void; children: ReactNode }) {
  return <ChoosePicture.Provider value={choose}>{children}</ChoosePicture.Provider>;
}

/** The toolbar's Figure button: choose a picture to upload, then describe it. */
export function InsertFigureButton() {
  const choose = useContext(ChoosePicture);
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <ButtonWithTooltip title="Insert figure (upload a picture)" className="body-editor__insert" onClick={() => input.current?.click()}>
        Figure
      </ButtonWithTooltip>
      <input
        ref={input}
        type="file"
        accept={ACCEPTED_IMAGE_TYPES}
        hidden
        aria-hidden="true"
        tabIndex={-1}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = '';
          if (file) choose(file);
        }}
      />
    </>
  );
}

type PictureDialogProps = {
  file: File;
  upload?: PictureUpload;
  /** Puts the Figure where the picture was dropped (or at the caret). */
  insert: (figure: UploadedFigure) => void;
  onClose: () => void;
};

/**
 * Asks for the alt text (and an optional caption and credit) of a picture dropped, pasted or chosen,
 * then uploads it with the same checks as every upload and inserts its Figure. Cancel uploads and
 * inserts nothing. A modal <dialog> in the page's body: its form is not part of the draft's.
 */
export function PictureDialog({ file, upload, insert, onClose }: PictureDialogProps) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [problem, setProblem] = useState<{ error: string; fieldErrors?: Record<string, string[]> } | null>(() =>
    file.size > MAX_UPLOAD_BYTES ? { error: tooLargeMessage(file.size) } : null,
  );
  const [busy, setBusy] = useState(false);
  const [thumb] = useState(() => URL.createObjectURL(file));

  useEffect(() => {
    dialog.current?.showModal();
    return () => URL.revokeObjectURL(thumb);
  }, [thumb]);

  const submit = async (form: HTMLFormElement) => {
    if (!upload) {
      setProblem({ error: 'Pictures cannot be uploaded from here. Use “Add an image to the body” below the form.' });
      return;
    }
    const data = new FormData(form);
    data.set('image', file);
    setBusy(true);
    setProblem(null);
    try {
      const state = await upload(null, data);
      if (state?.ok && state.extra) {
        dialog.current?.close();
        insert(state.extra);
        onClose();
      } else {
        setProblem(state && !state.ok ? { error: state.error, fieldErrors: state.fieldErrors } : { error: 'The picture was not uploaded. Please try again.' });
      }
    } catch {
      setProblem({ error: 'The picture could not be uploaded (the connection failed). Nothing was inserted; please try again.' });
    } finally {
      setBusy(false);
    }
  };

  const field = (name: 'alt' | 'caption' | 'credit', label: string, hint: string | null, limits: { minLength?: number; maxLength: number; required?: boolean }) => {
    const errors = problem?.fieldErrors?.[name];
    const described = [hint ? `${id}-${name}-hint` : '', errors?.length ? `${id}-${name}-errors` : ''].filter(Boolean).join(' ');
    return (
      <div className="field">
        <label htmlFor={`${id}-${name}`}>{label}</label>
        {hint ? (
          <p className="field__hint" id={`${id}-${name}-hint`}>
            {hint}
          </p>
        ) : null}
        <input id={`${id}-${name}`} name={name} {...limits} aria-describedby={described || undefined} aria-invalid={errors?.length ? true : undefined} />
        {errors?.length ? (
          <p className="form-status form-status--error" id={`${id}-${name}-errors`}>
            {errors.join(' ')}
          </p>
        ) : null}
      </div>
    );
  };

  return createPortal(
    <dialog ref={dialog} className="picture-dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <form
        method="dialog"
        className="editor-form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit(event.currentTarget);
        }}
      >
        <h2 id={`${id}-title`}>Describe the picture</h2>
        {/* eslint-disable-next-line @next/next/no-img-element -- the chosen file itself, before it is uploaded */}
        <img className="picture-dialog__thumb" src={thumb} alt="" />
        <p className="field__hint">
          {file.name} · {UPLOAD_HINT}
        </p>
        {field('alt', 'Alt text', 'What the picture shows, for readers who cannot see it, in at least 10 characters.', { minLength: 10, maxLength: 250, required: true })}
        {field('caption', 'Caption (optional)', null, { maxLength: 300 })}
        {field('credit', 'Credit (optional)', null, { maxLength: 160 })}
        <p role="alert" className={problem ? 'form-status form-status--error' : 'form-status'}>
          {problem?.error}
        </p>
        <p>
          <button type="submit" className="button" disabled={busy} aria-disabled={busy}>
            {busy ? 'Uploading…' : 'Upload and insert'}
          </button>{' '}
          <button type="button" className="button button--secondary" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
        </p>
      </form>
    </dialog>,
    document.body,
  );
}
