import { ActionForm } from '@/components/forms/action-form';
import type { SendRow } from '@/db/queries/newsletter-reports';
import type { Site } from '@/lib/content';
import { type RemedyRefusal, remedyRefusals } from '@/lib/newsletter/remedy-refusals';
import { formatCount, plural } from '@/lib/text/plural';

import { continueSendAction, retryFailedAction } from '../../actions/newsletter';

type SendRemediesProps = {
  send: Pick<SendRow, 'id' | 'status'>;
  failed: number;
  /** A cancelled send's readers it never reached and still could (countNotReached). */
  notReached: number;
  site: Pick<Site, 'locale'>;
  /** Why the server would refuse the remedy now (remedyRefusal), said instead of offering it. */
  refusal: RemedyRefusal | null;
};

/**
 * After a partial failure or a cancel, the remedy that reaches only the readers left out: never
 * "everyone again" (LESSONS 10), which is "Send again", with its own confirmation, on the article.
 */
export function SendRemedies({ send, failed, notReached, site, refusal }: SendRemediesProps) {
  const hidden = <input type="hidden" name="sendId" value={send.id} />;
  const offered = (send.status === 'done' && failed > 0) || (send.status === 'cancelled' && notReached > 0);
  if (offered && refusal) return <p className="field__hint">{remedyRefusals[refusal]}</p>;
  if (send.status === 'done' && failed > 0) {
    return (
      <ActionForm action={retryFailedAction} submitLabel={`Retry the ${formatCount(failed, site)} failed`} pendingLabel="Retrying…" className="inline-form">
        {hidden}
        <p className="field__hint">
          Only the {plural(failed, 'address', site, 'addresses')} that failed {failed === 1 ? 'is' : 'are'} tried again. Nobody who received this send gets it twice.
        </p>
      </ActionForm>
    );
  }
  if (send.status === 'cancelled' && notReached > 0) {
    return (
      <ActionForm
        action={continueSendAction}
        submitLabel={`Continue sending to the ${formatCount(notReached, site)} not reached`}
        pendingLabel="Continuing…"
        className="inline-form"
      >
        {hidden}
        <p className="field__hint">
          This send goes on to the {plural(notReached, 'reader', site)} it never reached and who are still subscribed. Nobody who received it gets it twice.
        </p>
      </ActionForm>
    );
  }
  return null;
}
