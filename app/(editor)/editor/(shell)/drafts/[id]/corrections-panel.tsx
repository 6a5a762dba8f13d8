import { CorrectionEntry } from '@/components/article-corrections';
import { ActionForm } from '@/components/forms/action-form';
import { listCorrectionsOf } from '@/db/queries/corrections';
import { getSite } from '@/lib/content';
import { routes } from '@/lib/routes';

import { addCorrectionAction } from '../../actions/corrections';

/**
 * Corrections and clarifications of a published article: the ones readers see, and the form that
 * adds one. They show at once, without publishing again, and cannot be edited or removed: a
 * mistaken correction is put right by another.
 */
export async function CorrectionsPanel({ draftId }: { draftId: string }) {
  const [site, corrections] = await Promise.all([getSite(), listCorrectionsOf(draftId)]);
  const id = `correction-${draftId}`;
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Corrections</h2>
      <p>
        Readers see these at the end of the article and on <a href={routes.corrections()}>{routes.corrections()}</a>, newest first, dated when they are added. Once added, a
        correction stays as it is: to put one right, add another.
      </p>
      {corrections.length > 0 ? (
        <ol role="list" className="corrections-list">
          {corrections.map((correction) => (
            <li key={correction.id}>
              <CorrectionEntry correction={{ ...correction, date: correction.createdAt }} site={site} />
            </li>
          ))}
        </ol>
      ) : (
        <p>No corrections yet.</p>
      )}
      <ActionForm action={addCorrectionAction} submitLabel="Add to the article" pendingLabel="Adding…">
        <input type="hidden" name="draftId" value={draftId} />
        <fieldset className="choice">
          <legend>Kind</legend>
          <div>
            <input type="radio" id={`${id}-correction`} name="kind" value="correction" defaultChecked />
            <label htmlFor={`${id}-correction`}>Correction: something was wrong</label>
          </div>
          <div>
            <input type="radio" id={`${id}-clarification`} name="kind" value="clarification" />
            <label htmlFor={`${id}-clarification`}>Clarification: something was unclear</label>
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-text`}>What readers should know</label>
          <p className="field__hint" id={`${id}-text-hint`}>
            Plain text, 10 to 2,000 characters, e.g. “An earlier version of this article gave the wrong date for the council vote.”
          </p>
          <textarea id={`${id}-text`} name="text" rows={4} required minLength={10} maxLength={2000} aria-describedby={`${id}-text-hint`} />
        </div>
      </ActionForm>
    </section>
  );
}
