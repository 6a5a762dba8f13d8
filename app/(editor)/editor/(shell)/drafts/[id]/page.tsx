import { subscribeAction } from '@/app/(site)/newsletter/actions';
import { DraftForm } from '@/components/editor/draft-form';
import { DraftPreview } from '@/components/editor/draft-preview';
import { ActionForm } from '@/components/forms/action-form';
import { getProfileOfUser } from '@/db/queries/author-profiles';
import { contentOf } from '@/db/queries/drafts';
import { can } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';
import { getCategories, getSite } from '@/lib/content';
import { KIND_NAMES } from '@/lib/content/byline';
import { formatTime } from '@/lib/dates/format';
import { authorChoices } from '@/lib/drafts/check';
import { formValuesOfDraft, previewContentOf } from '@/lib/drafts/form';
import { statusLabels } from '@/lib/drafts/labels';
import { loadDraft } from '@/lib/drafts/load';
import { compileGate } from '@/lib/drafts/preview-turns';
import { takeTypedPreview } from '@/lib/drafts/typed-preview';
import { routes } from '@/lib/routes';

import { returnToWriterAction, saveDraftAction, submitForReviewAction, withdrawFromReviewAction } from '../../actions/drafts';
import { uploadBodyImageAction } from '../../actions/images';
import { previewDraftAction } from '../../actions/live-preview';
import { CorrectionsPanel } from './corrections-panel';
import { InlineImageUpload } from './inline-image-upload';
import { PublishNowForm, PublishPanel, UndoPublishingForms } from './publish-panel';

export const metadata = { title: 'Edit draft' };

export default async function EditDraftPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser('drafts:write-own');
  const site = await getSite();
  const draft = await loadDraft(user, (await params).id);
  const editsAny = can(user.role, 'drafts:edit-any');
  const publishes = can(user.role, 'drafts:publish');
  const locked = !editsAny && draft.status !== 'draft';
  const [authors, categories, ownProfile] = await Promise.all([authorChoices(), getCategories(), getProfileOfUser(user.id)]);
  // Theirs: they created it, or their profile is on its byline (the rule of visibleTo in db/queries/drafts.ts).
  const owns = draft.createdBy === user.id || (ownProfile !== undefined && draft.authorIds.includes(ownProfile.id));
  const typed = await takeTypedPreview(draft.id, user.id);
  const content = typed
    ? previewContentOf(
        typed,
        draft,
        authors.map((author) => author.id),
      )
    : contentOf(draft);
  const preview = (
    <DraftPreview
      draft={{ id: draft.id, content, publishedAt: draft.publishedAt, updatedAt: draft.updatedAt }}
      gate={compileGate(user.id, typed ? 'preview' : 'check')}
      subscribe={subscribeAction}
    />
  );
  const idField = <input type="hidden" name="id" value={draft.id} />;

  // The primary action first: whoever may publish publishes (their own draft needs nobody's review);
  // a contributor submits it for review.
  const primary = publishes ? (
    <PublishNowForm draft={draft} canEmail={can(user.role, 'newsletter:send')} />
  ) : owns && draft.status === 'draft' ? (
    <ActionForm action={submitForReviewAction} submitLabel="Submit for review" pendingLabel="Submitting…" className="inline-form" tone="primary">
      {idField}
    </ActionForm>
  ) : null;
  const more = (
    <>
      {draft.status === 'in_review' ? (
        <>
          {owns ? (
            <ActionForm action={withdrawFromReviewAction} submitLabel="Withdraw from review" pendingLabel="Withdrawing…" className="inline-form" tone="plain">
              {idField}
            </ActionForm>
          ) : null}
          {editsAny ? (
            <ActionForm action={returnToWriterAction} submitLabel="Return to writer" pendingLabel="Returning…" className="inline-form" tone="plain">
              {idField}
            </ActionForm>
          ) : null}
        </>
      ) : null}
      {publishes ? <UndoPublishingForms draft={draft} /> : null}
    </>
  );
  const aside = (
    <>
      {publishes ? <PublishPanel draft={draft} canEmail={can(user.role, 'newsletter:send')} headingLevel={2} withActions={false} /> : null}
      {draft.publishedRevisionId && can(user.role, 'corrections:write') ? <CorrectionsPanel draftId={draft.id} /> : null}
      {locked ? null : <InlineImageUpload />}
    </>
  );

  return (
    <div className="desk">
      <div className="desk__head">
        <h1>{draft.title}</h1>
        <p className="meta">
          {statusLabels[draft.status]} · version {draft.version}, saved {formatTime(draft.updatedAt, site)} by {draft.updatedByName} ·{' '}
          <a href={routes.editor.draftHistory(draft.id)}>History</a>
        </p>
        {draft.status === 'in_review' ? (
          <p>
            {locked
              ? 'This draft is with the editors for review, so you cannot change it now. Withdraw it from review to change it again.'
              : `Submitted for review${draft.submittedAt ? ` at ${formatTime(draft.submittedAt, site)}` : ''}.`}
          </p>
        ) : null}
      </div>

      {locked ? (
        <>
          <section className="desk-bar" aria-label="Draft actions">
            {primary}
            {more}
          </section>
          <section aria-labelledby="live-preview-heading" className="desk__article">
            <h2 id="live-preview-heading">Live preview</h2>
            <p>
              <a href={routes.editor.draftPreview(draft.id)}>Open full-page preview</a>
            </p>
            {preview}
          </section>
        </>
      ) : (
        <DraftForm
          draftId={draft.id}
          writerId={user.id}
          saved={formValuesOfDraft(draft)}
          authors={authors.map((author) => ({ id: author.id, name: author.name, kind: KIND_NAMES[author.kind] }))}
          categories={categories.map((category) => ({ slug: category.slug, name: category.name }))}
          saveAction={saveDraftAction}
          previewAction={previewDraftAction}
          uploadPicture={uploadBodyImageAction}
          preview={preview}
          savedLine={`Saved ${formatTime(draft.updatedAt, site)} as version ${draft.version}.`}
          clock={{ locale: site.locale, timeZone: site.timeZone }}
          primaryActions={primary}
          moreActions={more}
          aside={aside}
        />
      )}
    </div>
  );
}
