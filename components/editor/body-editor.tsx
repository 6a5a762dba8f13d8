'use client';

import dynamic from 'next/dynamic';
import { useCallback, useEffect, useState } from 'react';

import type { PictureUpload } from './body-editor/picture-dialog';

// The rich editor is loaded only here, in the newsroom, and only in the browser: reader pages never
// carry it, and without JavaScript the plain field below is the editor.
const RichBodyEditor = dynamic(() => import('./body-editor/rich-body-editor'), { ssr: false });

type BodyEditorProps = {
  id: string;
  name: string;
  defaultValue?: string;
  describedBy?: string;
  invalid?: boolean;
  /** Uploads a picture dropped, pasted or chosen in the rich editor (the inline image upload's checks). */
  uploadPicture?: PictureUpload;
};

/**
 * The draft body: a plain MDX textarea, turned into a rich editor once JavaScript runs. The textarea
 * stays in the form (hidden) and always holds the editor's MDX, so saving, previewing and the
 * unsaved-changes guard work exactly as with the plain field.
 */
export function BodyEditor({ id, name, defaultValue = '', describedBy, invalid, uploadPicture }: BodyEditorProps) {
  const [ready, setReady] = useState(false);
  const onReady = useCallback(() => setReady(true), []);
  // Why the rich editor gave the body back to the plain field (a body too complex to open safely).
  const [plain, setPlain] = useState<string | null>(null);
  const onPlain = useCallback((reason: string) => setPlain(reason), []);
  const rich = ready && plain === null;

  // Clicking the label focuses the rich editor once the field it names is hidden.
  useEffect(() => {
    if (!rich) return;
    const label = document.querySelector<HTMLLabelElement>(`label[for="${CSS.escape(id)}"]`);
    const focus = () => label?.closest('.field')?.querySelector<HTMLElement>('.mdxeditor-root-contenteditable [contenteditable]')?.focus();
    label?.addEventListener('click', focus);
    return () => label?.removeEventListener('click', focus);
  }, [rich, id]);

  return (
    <div className="body-editor">
      {plain ? (
        <p className="form-status form-status--error" role="status">
          The rich editor cannot open this body safely: {plain} Edit it here as MDX.
        </p>
      ) : null}
      <textarea
        id={id}
        name={name}
        defaultValue={defaultValue}
        rows={20}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        hidden={rich}
        className="body-editor__source"
      />
      {/* Drawn only in the browser (ssr: false), after the textarea it reads its first value from. */}
      {plain === null ? (
        <div hidden={!ready}>
          <RichBodyEditor
            fieldId={id}
            labelId={`${id}-label`}
            describedBy={describedBy}
            invalid={invalid}
            serverValue={defaultValue}
            uploadPicture={uploadPicture}
            onReady={onReady}
            onPlain={onPlain}
          />
        </div>
      ) : null}
    </div>
  );
}
