'use client';

import type { ReactNode } from 'react';
import { useFormStatus } from 'react-dom';

import { type FormAction, useActionForm } from '@/components/forms/action-form';
import { FormStatus } from '@/components/forms/form-status';
import { LabelledField } from '@/components/forms/labelled-field';
import { mediaSrc } from '@/lib/content/media';
import { ACCEPTED_IMAGE_TYPES, checkFileSize, UPLOAD_HINT } from '@/lib/media/limits';
import { routes } from '@/lib/routes';

import { BodyEditor } from './body-editor';
import type { PictureUpload } from './body-editor/picture-dialog';
import { DraftConflict } from './draft-conflict';
import { DraftUnsavedGuard } from './draft-unsaved-guard';
import { LivePreview } from './live-preview';

type DraftFormProps = {
  draftId: string;
  /** The saved draft as form values (see formValuesOfDraft). */
  saved: Record<string, string>;
  authors: { id: string; name: string }[];
  categories: { slug: string; name: string }[];
  saveAction: FormAction;
  previewAction: FormAction;
  /** Uploads a picture dropped into the body (see BodyEditor). */
  uploadPicture?: PictureUpload;
  preview: ReactNode;
};

const FORM_ID = 'draft-form';

/**
 * The edit form. It posts without JavaScript (multipart, for the hero image); whatever the server
 * hands back after a refused save or a preview is shown in place of the saved values, so nothing
 * typed is lost.
 */
export function DraftForm({ draftId, saved, authors, categories, saveAction, previewAction, uploadPicture, preview }: DraftFormProps) {
  const { state, formAction, statusId, errors } = useActionForm(saveAction, 'draft-form-status');
  const values = state?.values ?? saved;
  const unsaved = state !== null && (!state.ok || values.intent === 'preview');
  const heroImageId = values.heroImageId ?? '';

  return (
    <>
      <form id={FORM_ID} action={formAction} className="editor-form" aria-describedby={statusId}>
        <DraftUnsavedGuard formId={FORM_ID} unsaved={unsaved} />
        <input type="hidden" name="id" value={draftId} />
        <input type="hidden" name="version" value={values.version ?? saved.version} />
        {values.overwriteVersion ? <input type="hidden" name="overwriteVersion" value={values.overwriteVersion} /> : null}
        <input type="hidden" name="heroImageId" value={heroImageId} />

        <FormStatus id={statusId} state={state} />
        {state?.conflict ? <DraftConflict draftId={draftId} conflict={state.conflict} /> : null}

        <LabelledField id="draft-title" label="Title" errors={errors.title}>
          {(props) => <input {...props} name="title" defaultValue={values.title} required maxLength={140} />}
        </LabelledField>
        <LabelledField id="draft-slug" label="Address" hint="The end of the article’s web address. Leave it empty to make it from the title." errors={errors.slug}>
          {(props) => <input {...props} name="slug" defaultValue={values.slug} maxLength={80} />}
        </LabelledField>
        <LabelledField id="draft-standfirst" label="Standfirst" hint="One or two sentences that sum the story up." errors={errors.standfirst}>
          {(props) => <textarea {...props} name="standfirst" defaultValue={values.standfirst} rows={2} maxLength={320} />}
        </LabelledField>
        <LabelledField id="draft-category" label="Category" errors={errors.category}>
          {(props) => (
            // Keyed by the value: React resets a form after its action, and a <select> resets to
            // the option it was first drawn with unless it is drawn again.
            <select {...props} key={`category-${values.category}`} name="category" defaultValue={values.category}>
              <option value="">Not chosen yet</option>
              {categories.map((category) => (
                <option key={category.slug} value={category.slug}>
                  {category.name}
                </option>
              ))}
            </select>
          )}
        </LabelledField>
        <LabelledField id="draft-tags" label="Tags" hint="Comma separated, at most 8." errors={errors.tags}>
          {(props) => <input {...props} name="tags" defaultValue={values.tags} />}
        </LabelledField>
        <LabelledField id="draft-author" label="Author" errors={errors.authorId}>
          {(props) => (
            <select {...props} key={`author-${values.authorId}`} name="authorId" defaultValue={values.authorId}>
              {authors.map((author) => (
                <option key={author.id} value={author.id}>
                  {author.name}
                </option>
              ))}
            </select>
          )}
        </LabelledField>

        {heroImageId ? (
          <figure>
            {/* eslint-disable-next-line @next/next/no-img-element -- a newsroom thumbnail of the stored upload; next/image would add its client component to the form */}
            <img src={mediaSrc(heroImageId)} alt={values.heroAlt ?? ''} width={240} />
            <figcaption>
              {heroImageId === saved.heroImageId ? 'Current hero image' : 'New hero image (not saved yet)'}
              {values.heroAlt ? `: ${values.heroAlt}` : ', no alt text yet'}
            </figcaption>
          </figure>
        ) : null}
        <LabelledField id="draft-hero" label="Hero image" hint={`${UPLOAD_HINT} Choosing one replaces the current picture when you save.`} errors={errors.heroImage}>
          {(props) => <input {...props} name="heroImage" type="file" accept={ACCEPTED_IMAGE_TYPES} onChange={(event) => checkFileSize(event.currentTarget)} />}
        </LabelledField>
        <LabelledField id="draft-hero-alt" label="Hero image alt text" hint="What the picture shows, for readers who cannot see it." errors={errors.heroAlt}>
          {(props) => <input {...props} name="heroAlt" defaultValue={values.heroAlt} maxLength={250} />}
        </LabelledField>
        <LabelledField id="draft-hero-credit" label="Hero image credit" errors={errors.heroCredit}>
          {(props) => <input {...props} name="heroCredit" defaultValue={values.heroCredit} maxLength={160} />}
        </LabelledField>
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
        <div className="field">
          <input key={`featured-${values.featured}`} id="draft-featured" name="featured" type="checkbox" defaultChecked={values.featured === 'on'} />
          <label htmlFor="draft-featured">Featured on the home page</label>
        </div>

        <DraftButtons />
      </form>

      <section aria-labelledby="live-preview-heading">
        <h2 id="live-preview-heading">Live preview</h2>
        <p>
          <a href={routes.editor.draftPreview(draftId)}>Open full-page preview</a> (shows the last saved version)
        </p>
        <LivePreview formId={FORM_ID} action={previewAction} initial={state?.views?.preview ?? preview} />
      </section>
    </>
  );
}

function DraftButtons() {
  const { pending } = useFormStatus();
  return (
    <p>
      <button type="submit" name="intent" value="save" className="button" aria-disabled={pending} disabled={pending}>
        {pending ? 'Working…' : 'Save draft'}
      </button>{' '}
      <button type="submit" name="intent" value="preview" className="button button--secondary" aria-disabled={pending} disabled={pending}>
        Preview
      </button>
    </p>
  );
}
