'use server';

import { subscribeAction } from '@/app/(site)/newsletter/actions';
import { draftPreviewElement } from '@/components/editor/draft-preview';
import { getDraft } from '@/db/queries/drafts';
import { editorAction } from '@/lib/actions/editor-action';
import { authorChoices } from '@/lib/drafts/check';
import { draftFormSchema, formValuesOf, previewContentOf } from '@/lib/drafts/form';
import { DRAFT_NOT_FOUND } from '@/lib/drafts/labels';
import { previewOf } from '@/lib/drafts/preview';
import { takePreviewTurn } from '@/lib/drafts/preview-turns';
import { viewerOf } from '@/lib/drafts/viewer';

const PAUSED = 'The preview catches up in a moment: it updates about once a second while you type.';

/**
 * The live preview: renders what is typed, stores nothing (a chosen picture is not uploaded). A
 * burst of previews waits its turn (the browser asks again by itself), and a newer one replaces this.
 */
export const previewDraftAction = editorAction('drafts:write-own', draftFormSchema, async (input, user) => {
  const turn = takePreviewTurn(user.id);
  if (!turn.ok) return { ok: true, message: PAUSED, retryAfterMs: turn.retryAfterMs };
  const draft = await getDraft(viewerOf(user), input.id);
  if (!draft) return { ok: false, error: DRAFT_NOT_FOUND };
  const content = previewContentOf(
    formValuesOf(input),
    draft,
    (await authorChoices()).map((profile) => profile.id),
  );
  return { ok: true, message: 'Preview updated.', views: { preview: draftPreviewElement(previewOf(draft, content, turn.gate), subscribeAction) } };
});
