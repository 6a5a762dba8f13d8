'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';

import { subscribeAction } from '@/app/(site)/newsletter/actions';
import { draftPreviewElement } from '@/components/editor/draft-preview';
import { editorAction } from '@/lib/actions/editor-action';
import { refreshPage } from '@/lib/cache/refresh';
import { draftFormSchema, draftIdSchema, newDraftSchema, restoreSchema } from '@/lib/drafts/form';
import { createDraftFor, restoreRevisionFor, returnToWriterFor, saveDraftFor, submitDraftFor, withdrawDraftFor } from '@/lib/drafts/service';
import { keepTypedPreview, TOO_LARGE_TO_PREVIEW } from '@/lib/drafts/typed-preview';
import { routes } from '@/lib/routes';

export const createDraftAction = editorAction('drafts:write-own', newDraftSchema, async (input, user) => {
  const result = await createDraftFor(user, input);
  if (!result.ok) return result;
  redirect(routes.editor.draft(result.id));
});

export const saveDraftAction = editorAction('drafts:write-own', draftFormSchema, async (input, user) => {
  // Rendered elements can travel back only to a call made by JavaScript (see ActionState's views).
  const javascript = (await headers()).has('next-action');
  const result = await saveDraftFor(user, input, { javascript, render: !input.autosave });
  if (!result.ok) return result;
  const { saved, preview, keepTyped, ...state } = result;
  if (keepTyped && !(await keepTypedPreview(input.id, user.id, keepTyped))) return { ok: false, error: TOO_LARGE_TO_PREVIEW, values: keepTyped };
  if (saved) refreshPage();
  return preview ? { ...state, views: { preview: draftPreviewElement(preview, subscribeAction) } } : state;
});

export const restoreRevisionAction = editorAction('drafts:write-own', restoreSchema, async ({ id, version, baseVersion }, user) => {
  const result = await restoreRevisionFor(user, id, version, baseVersion);
  if (result.ok) refreshPage();
  return result;
});

export const submitForReviewAction = editorAction('drafts:write-own', draftIdSchema, async ({ id }, user) => {
  const result = await submitDraftFor(user, id);
  if (result.ok) refreshPage();
  return result;
});

export const withdrawFromReviewAction = editorAction('drafts:write-own', draftIdSchema, async ({ id }, user) => {
  const result = await withdrawDraftFor(user, id);
  if (result.ok) refreshPage();
  return result;
});

export const returnToWriterAction = editorAction('drafts:edit-any', draftIdSchema, async ({ id }, user) => {
  const result = await returnToWriterFor(user, id);
  if (result.ok) refreshPage();
  return result;
});
