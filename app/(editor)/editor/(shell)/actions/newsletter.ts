'use server';

import { editorAction } from '@/lib/actions/editor-action';
import { refreshPage } from '@/lib/cache/refresh';
import { cancelSendSchema, sendIdSchema } from '@/lib/newsletter/report-schema';
import { cancelSend, pauseSend, resumeSend, type SendResult } from '@/lib/newsletter/sends';
import { startSendReported } from '@/lib/newsletter/start-send';
import { sendTestEmail } from '@/lib/newsletter/test-send';
import { draftIdSchema, sendAgainSchema } from '@/lib/publishing/schema';

function answer(result: SendResult, refused: string) {
  if (!result.ok) return { ok: false as const, error: `${refused} ${result.error}` };
  refreshPage();
  return { ok: true as const, message: result.message };
}

/** The first send of a published article that never went out. */
export const emailSubscribersAction = editorAction('newsletter:send', draftIdSchema, async ({ draftId }, user) =>
  answer(await startSendReported({ draftId, by: user.id, again: false }), 'Not sent:'),
);

/** Every subscriber gets it once more: the form asks for the confirmation the schema requires. */
export const sendAgainAction = editorAction('newsletter:send', sendAgainSchema, async ({ draftId }, user) =>
  answer(await startSendReported({ draftId, by: user.id, again: true }), 'Not sent again:'),
);

export const sendTestAction = editorAction('drafts:publish', draftIdSchema, async ({ draftId }, user) => {
  const outcome = await sendTestEmail(draftId, user);
  if (!outcome.ok) return { ok: false, error: `No test sent: ${outcome.problems.join(' ')}` };
  return { ok: true, message: `A test of version ${outcome.version} is on its way to ${outcome.to}.` };
});

export const pauseSendAction = editorAction('newsletter:send', sendIdSchema, async ({ sendId }) => answer(await pauseSend(sendId), 'Not paused:'));

export const resumeSendAction = editorAction('newsletter:send', sendIdSchema, async ({ sendId }) => answer(await resumeSend(sendId), 'Not resumed:'));

export const cancelSendAction = editorAction('newsletter:send', cancelSendSchema, async ({ sendId }) => answer(await cancelSend(sendId), 'Not cancelled:'));
