import { cache } from 'react';

import { EmailChoice } from '@/components/editor/email-choice';
import { PublicationDateField } from '@/components/editor/publication-date-field';
import { ScheduleList } from '@/components/editor/schedule-list';
import { ActionForm } from '@/components/forms/action-form';
import { countEligibleRecipients, countNotReached, sendsOfDraft } from '@/db/queries/newsletter-reports';
import { listSchedules } from '@/db/queries/schedules';
import type { Draft } from '@/db/schema';
import { getSite } from '@/lib/content';
import { formatScheduleTime } from '@/lib/dates/format';
import { toLocalDateTime } from '@/lib/dates/local-time';
import { routes } from '@/lib/routes';

import { cancelScheduleAction, publishNowAction, scheduleAction, unpublishAction } from '../../actions/publishing';
import { NewsletterPanel } from './newsletter-panel';

type PublishDraft = Pick<Draft, 'id' | 'slug' | 'title' | 'status' | 'version' | 'publishedRevisionId' | 'publishedAt' | 'scheduledFor'>;

type PublishPanelProps = {
  draft: PublishDraft;
  /** Heading level of "Publishing", to fit the page it is placed on. */
  headingLevel?: 2 | 3;
  /** The person may email subscribers (newsletter:send). */
  canEmail: boolean;
  /** Publish now, Unpublish and Cancel schedule here too; false where the page's action bar has them. */
  withActions?: boolean;
};

// The action bar and the panel of one page ask the same questions: once per request.
const publishingOf = cache(async (draftId: string) => {
  const [site, schedules, sends, recipients] = await Promise.all([getSite(), listSchedules(draftId), sendsOfDraft(draftId), countEligibleRecipients()]);
  const notReached = sends[0]?.status === 'cancelled' ? await countNotReached(sends[0].id) : 0;
  return { site, schedules, sends, recipients, notReached };
});

/** Publish now, the primary action of a page that may publish. Works without JavaScript. */
export async function PublishNowForm({ draft, canEmail }: { draft: PublishDraft; canEmail: boolean }) {
  const { site, sends, recipients } = await publishingOf(draft.id);
  // Once emailed, publishing (a correction, say) never emails again: a second send is its own, confirmed action.
  const offerEmail = canEmail && sends.length === 0;
  return (
    <ActionForm action={publishNowAction} submitLabel="Publish now" pendingLabel="Publishing…" className="inline-form" tone="primary">
      <input type="hidden" name="draftId" value={draft.id} />
      <input type="hidden" name="version" value={draft.version} />
      {/* Folded away: the action bar stays one line, and the date is rarely given. */}
      <details className="publish-date">
        <summary>Publication date</summary>
        <PublicationDateField id={`publication-date-now-${draft.id}`} site={site} current={draft.publishedAt} />
      </details>
      {offerEmail ? <EmailChoice id={`publish-now-${draft.id}`} recipients={recipients} site={site} /> : null}
    </ActionForm>
  );
}

/** Unpublish and Cancel schedule, styled as destructive, each shown only while it applies. */
export async function UndoPublishingForms({ draft }: { draft: PublishDraft }) {
  const { schedules } = await publishingOf(draft.id);
  const hidden = <input type="hidden" name="draftId" value={draft.id} />;
  return (
    <>
      <ActionForm
        action={unpublishAction}
        submitLabel="Unpublish"
        pendingLabel="Unpublishing…"
        className="inline-form"
        tone="destructive"
        available={draft.publishedRevisionId !== null}
      >
        {hidden}
      </ActionForm>
      <ActionForm
        action={cancelScheduleAction}
        submitLabel="Cancel schedule"
        pendingLabel="Cancelling…"
        className="inline-form"
        tone="destructive"
        available={draft.status === 'scheduled' || schedules.length > 0}
      >
        {hidden}
      </ActionForm>
    </>
  );
}

/**
 * Where publishing stands, Schedule, and the newsletter of the article, for one draft (with Publish
 * now, Unpublish and Cancel schedule unless the page shows them in its action bar).
 */
export async function PublishPanel({ draft, headingLevel = 2, canEmail, withActions = true }: PublishPanelProps) {
  const { site, schedules, sends, recipients, notReached } = await publishingOf(draft.id);
  const Heading = `h${headingLevel}` as const;
  const offerEmail = canEmail && sends.length === 0;
  const published = draft.publishedRevisionId !== null;
  const hidden = <input type="hidden" name="draftId" value={draft.id} />;
  return (
    <section aria-labelledby={`publishing-${draft.id}`}>
      <Heading id={`publishing-${draft.id}`}>Publishing</Heading>
      <p>
        {published && draft.publishedAt ? (
          <>
            Published since {formatScheduleTime(draft.publishedAt, site)} at <a href={routes.article(draft.slug)}>{routes.article(draft.slug)}</a>. Publishing again shows readers
            the latest saved version.
          </>
        ) : (
          'Not published: readers cannot see it.'
        )}{' '}
        Publishing and scheduling use the last saved version (version {draft.version}), so save your changes first; a schedule publishes that version even if the draft is saved
        again later.
      </p>
      {schedules.length > 0 ? <ScheduleList rows={schedules} site={site} now={new Date()} /> : null}
      {sends.length > 0 ? <p>This article was emailed to subscribers already, so publishing or scheduling it again updates the site only (see Newsletter below).</p> : null}

      {withActions ? (
        <div className="action-row">
          <PublishNowForm draft={draft} canEmail={canEmail} />
          <UndoPublishingForms draft={draft} />
        </div>
      ) : null}
      <ActionForm action={scheduleAction} submitLabel="Schedule" pendingLabel="Scheduling…" tone="plain">
        {hidden}
        <input type="hidden" name="version" value={draft.version} />
        <div className="field">
          <label htmlFor={`publish-at-${draft.id}`}>Publish at</label>
          <p className="field__hint" id={`publish-at-${draft.id}-hint`}>
            Newsroom time ({site.timeZone}).
          </p>
          <input
            id={`publish-at-${draft.id}`}
            name="publishAt"
            type="datetime-local"
            step={1}
            required
            defaultValue={draft.scheduledFor ? toLocalDateTime(draft.scheduledFor, site.timeZone) : undefined}
            aria-describedby={`publish-at-${draft.id}-hint`}
          />
        </div>
        <PublicationDateField id={`publication-date-scheduled-${draft.id}`} site={site} current={draft.publishedAt} />
        {offerEmail ? <EmailChoice id={`schedule-${draft.id}`} recipients={recipients} site={site} /> : null}
      </ActionForm>
      <NewsletterPanel draft={draft} sends={sends} recipients={recipients} notReached={notReached} canEmail={canEmail} site={site} headingLevel={headingLevel === 2 ? 3 : 4} />
    </section>
  );
}
