import { ActionForm } from '@/components/forms/action-form';
import type { SendRow } from '@/db/queries/newsletter-reports';
import type { Site } from '@/lib/content';
import { formatCount } from '@/lib/text/plural';

import { cancelSendAction, pauseSendAction, resumeSendAction } from '../../actions/newsletter';

/** Pause, resume and cancel, as the send's state allows. Cancelling asks for a ticked box first. */
export function SendControls({ send, remaining, site }: { send: Pick<SendRow, 'id' | 'status'>; remaining: number; site: Pick<Site, 'locale'> }) {
  if (send.status === 'done' || send.status === 'cancelled') return null;
  const hidden = <input type="hidden" name="sendId" value={send.id} />;
  return (
    <section aria-labelledby="send-controls-heading">
      <h2 id="send-controls-heading">Controls</h2>
      {send.status === 'paused' ? (
        <ActionForm action={resumeSendAction} submitLabel="Resume" pendingLabel="Resuming…" className="inline-form">
          {hidden}
        </ActionForm>
      ) : (
        <ActionForm action={pauseSendAction} submitLabel="Pause" pendingLabel="Pausing…" className="inline-form">
          {hidden}
          <p className="field__hint">Emails already handed to the mail server still arrive; the rest wait until you resume.</p>
        </ActionForm>
      )}
      <ActionForm action={cancelSendAction} submitLabel="Cancel the send" pendingLabel="Cancelling…">
        {hidden}
        <div className="check-field">
          <input type="checkbox" id="cancel-understood" name="understood" value="yes" required aria-describedby="cancel-hint" />
          <label htmlFor="cancel-understood">Stop for good</label>
        </div>
        <p className="field__hint" id="cancel-hint">
          The {formatCount(remaining, site)} readers not emailed yet will not get this send. It cannot be resumed.
        </p>
      </ActionForm>
    </section>
  );
}
