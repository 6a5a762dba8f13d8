'use client';

import { useState, useSyncExternalStore } from 'react';

import { ImageField } from '@/components/editor/image-field';
import { useActionForm } from '@/components/forms/action-form';
import { FormStatus } from '@/components/forms/form-status';
import { LabelledField } from '@/components/forms/labelled-field';
import { SubmitButton } from '@/components/forms/submit-button';

import { type InlineImageState, uploadInlineImageAction } from '../../actions/images';

/**
 * A form of its own beside the draft form: uploading a picture never submits (or loses) the draft.
 * The result is MDX to paste, so the body stays plain text the writer controls.
 */
export function InlineImageUpload() {
  const { state, formAction, id, statusId, errors } = useActionForm(uploadInlineImageAction);
  const result = state as InlineImageState;
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Add an image to the body</h2>
      <p className="field__hint">Upload a picture here, then paste the MDX it gives you into the body. Without JavaScript the upload reloads the page, so save the draft first.</p>
      <form action={formAction} className="editor-form" aria-describedby={statusId}>
        <ImageField name="image" label="Image" error={errors.image?.[0]} />
        <LabelledField id={`${id}-alt`} label="Alt text" hint="Describe what the picture shows, in at least 10 characters." errors={errors.alt}>
          {(props) => <input {...props} name="alt" type="text" defaultValue={result?.values?.alt} />}
        </LabelledField>
        <LabelledField id={`${id}-caption`} label="Caption (optional)" errors={errors.caption}>
          {(props) => <input {...props} name="caption" type="text" defaultValue={result?.values?.caption} />}
        </LabelledField>
        <SubmitButton label="Upload image" pendingLabel="Uploading…" />
        <FormStatus id={statusId} state={state} />
      </form>
      {result?.ok && result.snippet ? <Snippet id={`${id}-snippet`} snippet={result.snippet} /> : null}
    </section>
  );
}

function Snippet({ id, snippet }: { id: string; snippet: string }) {
  const [copied, setCopied] = useState(false);
  // The copy button needs the clipboard API, so it only appears once JavaScript runs.
  const scripted = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  return (
    <div className="field">
      <label htmlFor={id}>MDX to paste into the body</label>
      <textarea id={id} readOnly rows={3} value={snippet} onFocus={(event) => event.currentTarget.select()} />
      {scripted ? (
        <button
          type="button"
          className="button"
          onClick={async () => {
            await navigator.clipboard.writeText(snippet);
            setCopied(true);
          }}
        >
          {copied ? 'Copied' : 'Copy'}
        </button>
      ) : null}
    </div>
  );
}

function noSubscription() {
  return () => {};
}
