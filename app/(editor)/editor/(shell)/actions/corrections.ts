'use server';

import { editorAction } from '@/lib/actions/editor-action';
import { expire } from '@/lib/cache/expire';
import { addCorrection } from '@/lib/publishing/corrections';
import { correctionSchema } from '@/lib/publishing/schema';
import { routes } from '@/lib/routes';

export const addCorrectionAction = editorAction('corrections:write', correctionSchema, async ({ draftId, kind, text }, user) => {
  const outcome = await addCorrection({ draftId, kind, text, userId: user.id });
  if (!outcome.ok) return { ok: false, error: `Not added: ${outcome.problem}` };
  // Also makes the browser refetch this (dynamic) page, now listing it.
  await expire(outcome.tags);
  const what = kind === 'correction' ? 'correction' : 'clarification';
  return { ok: true, message: `The ${what} is added. Readers see it on ${routes.article(outcome.slug)} and on ${routes.corrections()}.` };
});
