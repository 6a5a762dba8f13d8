import 'server-only';

// CONTRACT (replaced by the delivery helper's implementation before merge): the newsroom's entry points to newsletter sends.

export type SendResult = { ok: true; sendId: string; message: string } | { ok: false; error: string };

/**
 * Starts the newsletter send of a published article: renders the email once, snapshots the
 * recipients (confirmed, not suppressed) as queued deliveries and queues the work. Refuses an
 * unpublished draft, and a draft that was already emailed unless `again` (the explicit, confirmed resend).
 */
export async function startSend(input: { draftId: string; by: string; again: boolean }): Promise<SendResult> {
  void input;
  throw new Error('startSend is not implemented yet');
}

export async function pauseSend(sendId: string): Promise<SendResult> {
  void sendId;
  throw new Error('pauseSend is not implemented yet');
}

export async function resumeSend(sendId: string): Promise<SendResult> {
  void sendId;
  throw new Error('resumeSend is not implemented yet');
}

export async function cancelSend(sendId: string): Promise<SendResult> {
  void sendId;
  throw new Error('cancelSend is not implemented yet');
}
