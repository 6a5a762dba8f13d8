'use client';

import '@mdxeditor/editor/style.css';

import { insertJsx$, MDXEditor, type MDXEditorMethods, type Realm, realmPlugin } from '@mdxeditor/editor';
import { useEffect, useRef, useState } from 'react';

import type { UploadedFigure } from '@/lib/media/inline-image';

import { tooComplexToOpen } from './complexity';
import { PictureDialog, PictureProvider, type PictureUpload } from './picture-dialog';
import { pictureDropPlugin } from './picture-drop';
import { editorPlugins, TO_MARKDOWN } from './plugins';
import { WordCount } from './word-count';

export type RichBodyEditorProps = {
  /** The plain field the form posts (a textarea): the editor writes its MDX there and keeps it in step. */
  fieldId: string;
  labelId: string;
  describedBy?: string;
  invalid?: boolean;
  /** The value the server drew the field with: a new one (e.g. after a refused save) is shown. */
  serverValue: string;
  uploadPicture?: PictureUpload;
  onReady: () => void;
  /** The body is too complex to parse in the page without freezing it: the plain field takes over. */
  onPlain: (reason: string) => void;
};

/** Hands over the editor's realm, through which the picture dialog inserts its Figure. */
const realmHandle = realmPlugin<{ onRealm: (realm: Realm) => void }>({
  init(realm, params) {
    params?.onRealm(realm);
  },
});

function figureProps(figure: UploadedFigure): Record<string, string> {
  return { src: figure.src, alt: figure.alt, ...(figure.caption ? { caption: figure.caption } : {}), ...(figure.credit ? { credit: figure.credit } : {}) };
}

function fieldOf(id: string): HTMLTextAreaElement {
  const field = document.getElementById(id);
  if (!(field instanceof HTMLTextAreaElement)) throw new Error(`The body editor has no textarea #${id}.`);
  return field;
}

const LINK_URL_ID = 'link-url';

/** Where the editor's own contenteditable is, once MDXEditor has drawn it. */
function editableIn(holder: HTMLElement): HTMLElement | null {
  return holder.querySelector<HTMLElement>('.mdxeditor-root-contenteditable [contenteditable]');
}

export default function RichBodyEditor({ fieldId, labelId, describedBy, invalid, serverValue, uploadPicture, onReady, onPlain }: RichBodyEditorProps) {
  const editor = useRef<MDXEditorMethods>(null);
  const holder = useRef<HTMLDivElement>(null);
  // What the server drew the field with: during a client-side navigation the field is not in the
  // document yet when this first renders. Anything typed into it before the editor loaded is taken
  // over by the effect below that follows the field.
  const [initial] = useState(serverValue);
  const [initialProblem] = useState(() => tooComplexToOpen(initial));
  const [body, setBody] = useState(initial);
  const [picture, setPicture] = useState<File | null>(null);
  // Set while this editor writes the field, so its own input event is not read back as an outside change.
  const writing = useRef(false);

  const [realm, setRealm] = useState<Realm | null>(null);
  // Made once: MDXEditor reads its plugins when it mounts.
  const [plugins] = useState(() => editorPlugins([pictureDropPlugin({ onPicture: setPicture }), realmHandle({ onRealm: setRealm })]));

  // The editor's MDX goes into the form field, announced like typing, so the form's listeners
  // (live preview, unsaved-changes guard) see every change.
  const onChange = (markdown: string, initialNormalize: boolean) => {
    // Reading a body in normalises its layout (spacing, bullets): not a change the writer made.
    const field = fieldOf(fieldId);
    if (initialNormalize || markdown === field.value) return;
    field.value = markdown;
    setBody(markdown);
    writing.current = true;
    field.dispatchEvent(new Event('input', { bubbles: true }));
    writing.current = false;
  };

  // Something else set the field (the form was reset, or the server drew it with new values):
  // the editor shows what the field now holds.
  useEffect(() => {
    const field = fieldOf(fieldId);
    const form = field.form;
    const reload = () => {
      if (writing.current) return;
      const problem = tooComplexToOpen(field.value);
      if (problem) return onPlain(problem);
      editor.current?.setMarkdown(field.value);
      setBody(field.value);
    };
    const afterReset = () => setTimeout(reload);
    field.addEventListener('input', reload);
    form?.addEventListener('reset', afterReset);
    return () => {
      field.removeEventListener('input', reload);
      form?.removeEventListener('reset', afterReset);
    };
  }, [fieldId, onPlain]);
  useEffect(() => {
    const field = fieldOf(fieldId);
    const problem = tooComplexToOpen(field.value);
    if (problem) return onPlain(problem);
    if (editor.current && editor.current.getMarkdown() !== field.value) {
      editor.current.setMarkdown(field.value);
      setBody(field.value);
    }
  }, [serverValue, fieldId, onPlain]);

  // MDXEditor labels its area "editable markdown"; the field's own label, hint and errors apply.
  useEffect(() => {
    const root = holder.current;
    if (!root) return;
    const label = () => {
      const editable = editableIn(root);
      if (!editable) return false;
      editable.setAttribute('aria-labelledby', labelId);
      if (describedBy) editable.setAttribute('aria-describedby', describedBy);
      else editable.removeAttribute('aria-describedby');
      if (invalid) editable.setAttribute('aria-invalid', 'true');
      else editable.removeAttribute('aria-invalid');
      return true;
    };
    if (label()) {
      onReady();
      return;
    }
    const watch = new MutationObserver(() => {
      if (label()) {
        watch.disconnect();
        onReady();
      }
    });
    watch.observe(root, { childList: true, subtree: true });
    return () => watch.disconnect();
  }, [labelId, describedBy, invalid, onReady]);

  // MDXEditor 4.2.5 draws the link dialog's address field without the id its label ("URL") points
  // to, and the dialog itself without a name: both given here. It opens in the editor's popup container.
  useEffect(() => {
    const popups = document.querySelector('.mdxeditor-popup-container.body-editor__mdx') ?? document.body;
    const nameUrlField = () => {
      const label = popups.querySelector<HTMLLabelElement>(`label[for="${LINK_URL_ID}"]`);
      const input = label?.parentElement?.querySelector('input');
      if (input && !input.id && !document.getElementById(LINK_URL_ID)) input.id = LINK_URL_ID;
      const dialog = label?.closest('[role="dialog"]');
      if (dialog && !dialog.hasAttribute('aria-label')) dialog.setAttribute('aria-label', 'Link');
    };
    const watch = new MutationObserver(nameUrlField);
    watch.observe(popups, { childList: true, subtree: true });
    return () => watch.disconnect();
  }, []);

  useEffect(() => {
    if (initialProblem) onPlain(initialProblem);
  }, [initialProblem, onPlain]);
  if (initialProblem) return null;

  return (
    <PictureProvider choose={setPicture}>
      <div ref={holder} className="body-editor__rich">
        <MDXEditor
          ref={editor}
          markdown={initial}
          onChange={onChange}
          plugins={plugins}
          toMarkdownOptions={TO_MARKDOWN}
          className="body-editor__mdx"
          contentEditableClassName="body-editor__content prose"
          suppressHtmlProcessing
        />
      </div>
      <WordCount body={body} />
      {picture ? (
        <PictureDialog
          key={`${picture.name}-${picture.size}-${picture.lastModified}`}
          file={picture}
          upload={uploadPicture}
          onClose={() => setPicture(null)}
          insert={(figure) => realm?.pub(insertJsx$, { kind: 'flow', name: 'Figure', props: figureProps(figure) })}
        />
      ) : null}
    </PictureProvider>
  );
}
