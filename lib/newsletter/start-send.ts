import 'server-only';

import { log } from '@/lib/log';

import { type SendResult, startSend } from './sends';

/**
 * startSend, its failures as an answer rather than an exception: the caller (publishing) has
 * already done something the editor must hear about, whatever happens to the email.
 */
export async function startSendReported(input: Parameters<typeof startSend>[0]): Promise<SendResult> {
  try {
    return await startSend(input);
  } catch (error) {
    log.error({ err: error }, 'Starting the newsletter send failed');
    return { ok: false, error: 'Something went wrong on our side while starting the send.' };
  }
}
