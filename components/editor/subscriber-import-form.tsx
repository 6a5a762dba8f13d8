'use client';

import type { ImportPreview } from '@/lib/subscribers/import';

import { type FormAction, useActionForm } from '../forms/action-form';
import { FormStatus } from '../forms/form-status';
import { LabelledField } from '../forms/labelled-field';
import { SubmitButton } from '../forms/submit-button';
import { ImportPreviewView } from './import-preview';

/**
 * The import in two plain forms on one action: a file to preview (nothing written), then the
 * previewed file, carried sealed in the second form, with the admin's word that they hold consent.
 */
export function SubscriberImportForm({ action }: { action: FormAction<ImportPreview> }) {
  const { state, formAction, statusId, errors } = useActionForm(action);
  const preview = state?.extra;
  const writes = preview ? preview.counts.add + preview.counts.update + preview.counts.suppress : 0;
  return (
    <>
      <form action={formAction} className="editor-form" aria-describedby={statusId}>
        <input type="hidden" name="step" value="preview" />
        <LabelledField id="import-file" label="CSV file" hint="An export of your newsletter tool, up to 5 MB and 50,000 rows." errors={errors.file}>
          {(props) => <input {...props} type="file" name="file" accept=".csv,.txt,text/csv" required />}
        </LabelledField>
        <SubmitButton label="Preview the import" pendingLabel="Reading the file…" />
      </form>
      <FormStatus id={statusId} state={state} />
      {preview ? (
        <>
          <ImportPreviewView preview={preview} />
          {writes > 0 ? (
            <form action={formAction} className="editor-form" aria-describedby={statusId}>
              <input type="hidden" name="step" value="import" />
              <input type="hidden" name="sealed" value={preview.sealed} />
              <div className="field field--checkbox">
                <input
                  id="import-consent"
                  type="checkbox"
                  name="consent"
                  value="yes"
                  required
                  {...(errors.consent ? { 'aria-invalid': true, 'aria-describedby': 'import-consent-errors' } : {})}
                />
                <label htmlFor="import-consent">I hold these readers’ consent to email them</label>
                {errors.consent ? (
                  <p id="import-consent-errors" className="form-status form-status--error">
                    {errors.consent[0]}
                  </p>
                ) : null}
              </div>
              <SubmitButton label="Import" pendingLabel="Importing…" />
            </form>
          ) : (
            <p>Nothing in this file would change the list.</p>
          )}
        </>
      ) : null}
    </>
  );
}
