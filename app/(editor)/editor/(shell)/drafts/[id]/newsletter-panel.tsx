import { ActionForm } from '@/components/forms/action-form';
import type { SendRow } from '@/db/queries/newsletter-reports';
import type { Draft } from '@/db/schema';
import type { Site } from '@/lib/content';
import { formatScheduleTime } from '@/lib/dates/format';
import { remedyRefusal } from '@/lib/newsletter/remedy-refusals';
import { LIVE_STATUSES, progressOf, statusText } from '@/lib/newsletter/report';
import { routes } from '@/lib/routes';
import { formatCount, plural } from '@/lib/text/plural';

import { emailSubscribersAction, sendAgainAction, sendTestAction } from '../../actions/newsletter';
import { SendRemedies } from '../../newsletter/[id]/remedies';

type NewsletterPanelProps = {
  draft: Pick<Draft, 'id' | 'version' | 'publishedRevisionId'>;
  /** The article's sends, latest first. */
  sends: SendRow[];
  recipients: number;
  /** The latest send's readers not reached, when it was cancelled (countNotReached). */
  notReached: number;
  canEmail: boolean;
  site: Site;
  headingLevel: 3 | 4;
};

/** Where the article's email stands: never sent, sending, or sent (and when, to how many). */
function SendSummary({ send, site }: { send: SendRow; site: Site }) {
  const progress = progressOf(send.counts);
  const report = <a href={routes.editor.newsletterSend(send.id)}>report</a>;
  if (send.status === 'done') {
    return (
      <p>
        Emailed on {formatScheduleTime(send.createdAt, site)} to {plural(send.recipients, 'reader', site)} ({report}).
      </p>
    );
  }
  return (
    <p>
      {statusText(send, site)}. Started {formatScheduleTime(send.createdAt, site)}: {formatCount(progress.sent, site)} of {plural(send.recipients, 'reader', site)} emailed so far (
      {report}).
    </p>
  );
}

/**
 * The article's newsletter: a test to oneself and the preview, then "Email subscribers" for a
 * published article that never went out, or "Send again" behind an explicit confirmation.
 */
export function NewsletterPanel({ draft, sends, recipients, notReached, canEmail, site, headingLevel }: NewsletterPanelProps) {
  const Heading = `h${headingLevel}` as const;
  const hidden = <input type="hidden" name="draftId" value={draft.id} />;
  const published = draft.publishedRevisionId !== null;
  const [latest] = sends;
  const isLive = (send: SendRow) => [...LIVE_STATUSES, 'paused'].includes(send.status);
  const live = latest ? isLive(latest) : false;
  // The latest send is the draft's highest sequence: its remedies hinge on publication and older live sends.
  const refusal = remedyRefusal({ published, latest: true, otherLive: sends.slice(1).some(isLive) });
  return (
    <section aria-labelledby={`newsletter-${draft.id}`}>
      <Heading id={`newsletter-${draft.id}`}>Newsletter</Heading>
      {latest ? <SendSummary send={latest} site={site} /> : <p>Not emailed to subscribers yet.</p>}
      {canEmail && latest ? <SendRemedies send={latest} failed={latest.counts.failed} notReached={notReached} site={site} refusal={refusal} /> : null}
      <ActionForm action={sendTestAction} submitLabel="Send a test to me" pendingLabel="Sending the test…" className="inline-form">
        {hidden}
        <p className="field__hint">Version {draft.version} (the latest saved) as subscribers would get it, to your own address only.</p>
      </ActionForm>
      {published ? (
        <p>
          <a href={routes.editor.draftEmail(draft.id)}>Preview the email</a> subscribers would receive of the published version.
        </p>
      ) : null}
      {canEmail && published && !latest ? (
        <ActionForm action={emailSubscribersAction} submitLabel="Email subscribers" pendingLabel="Starting the send…" className="inline-form">
          {hidden}
          <p className="field__hint">The published version goes to {plural(recipients, 'confirmed subscriber', site)}, once.</p>
        </ActionForm>
      ) : null}
      {canEmail && published && latest && !live ? (
        <ActionForm action={sendAgainAction} submitLabel="Send again" pendingLabel="Starting the send…">
          {hidden}
          {/* The send this editor saw: one started since (from another page, say) gets this press refused, not repeated. */}
          <input type="hidden" name="seenSequence" value={latest.sequence} />
          <div className="check-field">
            <input type="checkbox" id={`send-again-${draft.id}`} name="understood" value="yes" required />
            <label htmlFor={`send-again-${draft.id}`}>I understand every subscriber gets it a second time</label>
          </div>
        </ActionForm>
      ) : null}
    </section>
  );
}
