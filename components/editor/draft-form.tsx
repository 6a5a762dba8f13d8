'use client';

import { type FormEvent, type ReactNode, useRef } from 'react';

import { type FormAction, useActionForm } from '@/components/forms/action-form';
import { LabelledField } from '@/components/forms/labelled-field';
import { routes } from '@/lib/routes';

import { BodyEditor } from './body-editor';
import type { PictureUpload } from './body-editor/picture-dialog';
import { DraftConflict } from './draft-conflict';
import { DraftMetadata } from './draft-metadata';
import { DraftUnsavedGuard } from './draft-unsaved-guard';
import { LivePreview } from './live-preview';
import { SaveStatusLine } from './save-status';
import { UnsavedCopyOffer } from './unsaved-copy-offer';
import { useAutosave } from './use-autosave';

type DraftFormProps = {
  draftId: string;
  /** The signed-in person: what this browser keeps of their unsaved text is theirs alone. */
  writerId: string;
  /** The saved draft as form values (see formValuesOfDraft). */
  saved: Record<string, string>;
  authors: { id: string; name: string; kind: string }[];
  categories: { slug: string; name: string }[];
  saveAction: FormAction;
  previewAction: FormAction;
  /** Uploads a picture dropped into the body (see BodyEditor). */
  uploadPicture?: PictureUpload;
  preview: ReactNode;
  /** "Saved at 17:02 as version 3.": the status beside Save before anything is typed. */
  savedLine: string;
  /** The newsroom's clock, for the time of a copy kept in this browser. */
  clock: { locale: string; timeZone: string };
  /** The action bar's role actions: the primary one (before Save), and the rest (after it). */
  primaryActions?: ReactNode;
  moreActions?: ReactNode;
  /** Below the metadata in the side panel: publishing, pictures for the body, and the like. */
  aside?: ReactNode;
};

const FORM_ID = 'draft-form';
const STATUS_ID = 'draft-form-status';

/**
 * The writing desk: the action bar (role actions, Save with its status), title and body, the live
 * preview beside them, the metadata in a side panel. The form posts without JavaScript (multipart,
 * for the hero image); whatever the server hands back after a refused save or a preview is shown in
 * place of the saved values, so nothing typed is lost. With JavaScript, saves are autosave's (see
 * use-autosave.ts), which never resets the fields under the cursor.
 */
export function DraftForm({
  draftId,
  writerId,
  saved,
  authors,
  categories,
  saveAction,
  previewAction,
  uploadPicture,
  preview,
  savedLine,
  clock,
  primaryActions,
  moreActions,
  aside,
}: DraftFormProps) {
  const { state, formAction } = useActionForm(saveAction, STATUS_ID);
  const values = state?.values ?? saved;
  const autosave = useAutosave({ formId: FORM_ID, draftId, writerId, version: Number(values.version ?? saved.version), save: saveAction, formState: state });
  // The latest answer, autosave's or the form's (Preview; every post without JavaScript).
  const answer = autosave.answer ?? state;
  const latest = answer?.values ?? values;
  const errors = answer && !answer.ok ? (answer.fieldErrors ?? {}) : {};
  const heroImageId = latest.heroImageId ?? '';
  const formUnsaved = state !== null && (!state.ok || values.intent === 'preview');

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const intent = (event.nativeEvent as SubmitEvent).submitter?.getAttribute('value');
    if (intent !== 'save' && intent !== 'overwrite') return;
    // Save goes through autosave's versioned save, which leaves the fields as they are.
    event.preventDefault();
    void autosave.saveNow(intent, { explicit: true });
  };

  // Publishing (or scheduling) from the action bar with changes not saved yet would publish the older
  // version: they are saved first, and the form goes on with the version that holds them.
  const passing = useRef<HTMLFormElement | null>(null);
  const saveBeforeActing = (event: FormEvent<HTMLElement>) => {
    const target = event.target;
    if (!(target instanceof HTMLFormElement) || target.id === FORM_ID) return;
    if (passing.current === target) {
      passing.current = null;
      return;
    }
    const version = target.elements.namedItem('version');
    if (!autosave.unsaved || !(version instanceof HTMLInputElement)) return;
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    void autosave.flush().then((saved) => {
      // Not saved (a conflict, a failure): the status beside Save says why, and nothing is published.
      if (saved === null) return;
      version.value = String(saved);
      passing.current = target;
      target.requestSubmit(submitter instanceof HTMLElement ? submitter : null);
    });
  };

  return (
    <>
      <DraftUnsavedGuard unsaved={autosave.unsaved || (autosave.status.kind === 'idle' && formUnsaved)} />
      {/* Save and Preview sit outside the form, tied to it by `form`: they post it with or without JavaScript. */}
      <section className="desk-bar" aria-label="Draft actions" onSubmitCapture={saveBeforeActing}>
        {primaryActions}
        <div className="desk-bar__save">
          <button type="submit" form={FORM_ID} name="intent" value="save" className="button button--secondary">
            Save draft
          </button>
          <SaveStatusLine id={STATUS_ID} status={autosave.status} state={state} initial={savedLine} />
          <button type="submit" form={FORM_ID} name="intent" value="preview" className="button button--secondary">
            Preview
          </button>
        </div>
        {moreActions}
      </section>
      <UnsavedCopyOffer
        formId={FORM_ID}
        draftId={draftId}
        writerId={writerId}
        version={autosave.version}
        saved={saved}
        clock={clock}
        onRestore={(copy) => autosave.rebase(copy.baseVersion)}
      />

      <div className="desk__grid">
        <form id={FORM_ID} action={formAction} onSubmit={onSubmit} className="desk__form" aria-describedby={STATUS_ID}>
          <input type="hidden" name="id" value={draftId} />
          <input type="hidden" name="version" value={autosave.version} />
          {latest.overwriteVersion && !answer?.ok ? <input type="hidden" name="overwriteVersion" value={latest.overwriteVersion} /> : null}
          <input type="hidden" name="heroImageId" value={heroImageId} />

          <div className="desk__write">
            {answer?.conflict ? <DraftConflict draftId={draftId} conflict={answer.conflict} /> : null}
            <div className="desk__title">
              <LabelledField id="draft-title" label="Title" errors={errors.title}>
                {(props) => <input {...props} name="title" defaultValue={values.title} required maxLength={140} />}
              </LabelledField>
            </div>
            <div className="desk__body">
              <LabelledField id="draft-body" label="Body" hint="In MDX: Markdown, and the components Figure, PullQuote, Callout and Image with quoted props." errors={errors.body}>
                {(props) => (
                  <BodyEditor
                    id={props.id}
                    name="body"
                    defaultValue={values.body}
                    describedBy={props['aria-describedby']}
                    invalid={props['aria-invalid']}
                    uploadPicture={uploadPicture}
                  />
                )}
              </LabelledField>
            </div>
          </div>

          <DraftMetadata
            values={values}
            answered={state?.values}
            latest={latest}
            heroImageId={heroImageId}
            heroSaved={heroImageId === saved.heroImageId || !!answer?.ok}
            errors={errors}
            authors={authors}
            categories={categories}
          />
        </form>

        {/* Narrow screens: the preview is behind this switch, which works without JavaScript (CSS). */}
        <input type="checkbox" id="desk-preview-toggle" className="desk__toggle" />
        <label htmlFor="desk-preview-toggle" className="desk__toggle-label button button--secondary">
          Show the live preview
        </label>
        <section className="desk__preview" aria-labelledby="live-preview-heading">
          <h2 id="live-preview-heading" className="desk__panel-heading">
            Live preview
          </h2>
          <p className="meta">
            <a href={routes.editor.draftPreview(draftId)}>Open full-page preview</a> (shows the last saved version)
          </p>
          <div className="desk__article">
            <LivePreview formId={FORM_ID} action={previewAction} initial={state?.views?.preview ?? preview} />
          </div>
        </section>

        {aside ? <div className="desk__more">{aside}</div> : null}
      </div>
    </>
  );
}
