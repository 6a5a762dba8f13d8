'use server';

import { redirect } from 'next/navigation';

import { editorAction } from '@/lib/actions/editor-action';
import { refreshPage } from '@/lib/cache/refresh';
import { cancelSendSchema, sendIdSchema } from '@/lib/newsletter/report-schema';
import { cancelSend, continueSend, pauseSend, resumeSend, retryFailed, type SendResult } from '@/lib/newsletter/sends';
import { startSendReported } from '@/lib/newsletter/start-send';
import { sendTestEmail } from '@/lib/newsletter/test-send';
import { draftIdSchema, sendAgainSchema } from '@/lib/publishing/schema';
import { routes } from '@/lib/routes';

function answer(result: SendResult, refused: string) {
  if (!result.ok) return { ok: false as const, error: `${refused} ${result.error}` };
  refreshPage();
  return { ok: true as const, message: result.message };
}

/**
 * A send that starts (or starts again) opens its report: the form that started it is gone once the
 * send exists, so its answer would have nowhere to show, and the report follows the send live.
 */
function opened(result: SendResult, refused: string) {
  if (!result.ok) return { ok: false as const, error: `${refused} ${result.error}` };
  redirect(routes.editor.newsletterSend(result.sendId));
}

/** The first send of a published article that never went out. */
export const emailSubscribersAction = editorAction('newsletter:send', draftIdSchema, async ({ draftId }, user) =>
  opened(await startSendReported({ draftId, by: user.id, again: false }), 'Not sent:'),
);

/** Every subscriber gets it once more: the form asks for the confirmation the schema requires. */
export const sendAgainAction = editorAction('newsletter:send', sendAgainSchema, async ({ draftId, seenSequence }, user) =>
  opened(await startSendReported({ draftId, by: user.id, again: true, seenSequence }), 'Not sent again:'),
);

export const sendTestAction = editorAction('drafts:publish', draftIdSchema, async ({ draftId }, user) => {
  const outcome = await sendTestEmail(draftId, user);
  if (!outcome.ok) return { ok: false, error: `No test sent: ${outcome.problems.join(' ')}` };
  return { ok: true, message: `A test of version ${outcome.version} is on its way to ${outcome.to}.` };
});

export const pauseSendAction = editorAction('newsletter:send', sendIdSchema, async ({ sendId }) => answer(await pauseSend(sendId), 'Not paused:'));

export const resumeSendAction = editorAction('newsletter:send', sendIdSchema, async ({ sendId }) => answer(await resumeSend(sendId), 'Not resumed:'));

export const cancelSendAction = editorAction('newsletter:send', cancelSendSchema, async ({ sendId }) => answer(await cancelSend(sendId), 'Not cancelled:'));

/** Only the failed addresses of a finished send, not "everyone again" (LESSONS 10). */
export const retryFailedAction = editorAction('newsletter:send', sendIdSchema, async ({ sendId }) => opened(await retryFailed(sendId), 'Not retried:'));

/** Only the readers a cancelled send never reached. */
export const continueSendAction = editorAction('newsletter:send', sendIdSchema, async ({ sendId }) => opened(await continueSend(sendId), 'Not continued:'));
