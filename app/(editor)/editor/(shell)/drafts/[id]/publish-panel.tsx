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

type PublishPanelProps = {
  draft: Pick<Draft, 'id' | 'slug' | 'title' | 'status' | 'version' | 'publishedRevisionId' | 'publishedAt' | 'scheduledFor'>;
  /** Heading level of "Publishing", to fit the page it is placed on. */
  headingLevel?: 2 | 3;
  /** The person may email subscribers (newsletter:send). */
  canEmail: boolean;
};

/**
 * Publish now (with or without the newsletter), unpublish, schedule and cancel, and the newsletter
 * of the article, for one draft. Every form works without JavaScript.
 */
export async function PublishPanel({ draft, headingLevel = 2, canEmail }: PublishPanelProps) {
  const [site, schedules, sends, recipients] = await Promise.all([getSite(), listSchedules(draft.id), sendsOfDraft(draft.id), countEligibleRecipients()]);
  const notReached = sends[0]?.status === 'cancelled' ? await countNotReached(sends[0].id) : 0;
  const Heading = `h${headingLevel}` as const;
  // Once emailed, publishing (a correction, say) never emails again: a second send is its own, confirmed action.
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

      <ActionForm action={publishNowAction} submitLabel="Publish now" pendingLabel="Publishing…">
        {hidden}
        <input type="hidden" name="version" value={draft.version} />
        <PublicationDateField id={`publication-date-now-${draft.id}`} site={site} current={draft.publishedAt} />
        {offerEmail ? <EmailChoice id={`publish-now-${draft.id}`} recipients={recipients} site={site} /> : null}
      </ActionForm>
      {/* Always shown, so the answer of the last press stays on the page after the state changes. */}
      <ActionForm action={unpublishAction} submitLabel="Unpublish" pendingLabel="Unpublishing…" className="inline-form">
        {hidden}
      </ActionForm>
      <ActionForm action={scheduleAction} submitLabel="Schedule" pendingLabel="Scheduling…">
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
      <ActionForm action={cancelScheduleAction} submitLabel="Cancel schedule" pendingLabel="Cancelling…" className="inline-form">
        {hidden}
      </ActionForm>
      <NewsletterPanel draft={draft} sends={sends} recipients={recipients} notReached={notReached} canEmail={canEmail} site={site} headingLevel={headingLevel === 2 ? 3 : 4} />
    </section>
  );
}
