'use server';

import { z } from 'zod';
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import {
  backToWriter,
  contentOf,
  createDraft,
  getDraft,
  restoreRevision,
  saveDraft,
  SlugTakenError,
  submitForReview,
  type DraftRecord,
  type SaveResult,
} from '@/db/queries/drafts';
import { listUsers, type PublicUser } from '@/db/queries/users';
import type { DraftContent } from '@/db/schema';
import { editorAction } from '@/lib/actions/editor-action';
import type { ActionState, ConflictSummary } from '@/lib/actions/result';
import { getSite } from '@/lib/content';
import { changedFields, FIELD_LABELS, fieldText } from '@/lib/drafts/changes';
import { resolveAddress } from '@/lib/drafts/address';
import { authorChoices, checkDraft } from '@/lib/drafts/check';
import { draftFormSchema, draftIdSchema, formValuesOf, formValuesOfDraft, newDraftSchema, previewContentOf, restoreSchema } from '@/lib/drafts/form';
import { draftPreviewElement } from '@/lib/drafts/preview';
import { formatTime } from '@/lib/dates/format';
import { DRAFT_NOT_FOUND } from '@/lib/drafts/labels';
import { draftFieldsSchema } from '@/lib/drafts/schema';
import { slugTakenMessage } from '@/lib/drafts/slug';
import { compileGate, takePreviewTurn } from '@/lib/drafts/preview-turns';
import { keepTypedPreview, TOO_LARGE_TO_PREVIEW } from '@/lib/drafts/typed-preview';
import { viewerOf } from '@/lib/drafts/viewer';
import { storeUploadedImage } from '@/lib/media/store';

const NOT_FOUND = DRAFT_NOT_FOUND;
const PREVIEW_PAUSED = 'Previews are limited to about one a second. Press Preview again in a moment; your text is still in the form.';
const IN_REVIEW = 'This draft is with the editors for review, so it cannot be changed now. Withdraw it from review to change it.';

function refreshDraftPages(id: string) {
  revalidatePath('/editor/drafts');
  revalidatePath(`/editor/drafts/${id}`);
  revalidatePath('/editor/review');
}

const newDraftFields = z.object({ title: draftFieldsSchema.shape.title, slug: draftFieldsSchema.shape.slug });

export const createDraftAction = editorAction('drafts:write-own', newDraftSchema, async (input, user) => {
  const values = formValuesOf(input);
  const parsed = newDraftFields.safeParse(input);
  if (!parsed.success) {
    return { ok: false, error: parsed.error.issues[0]?.message ?? 'Check the form.', fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>, values };
  }
  const address = await resolveAddress(parsed.data.slug, parsed.data.title);
  if ('error' in address) return { ok: false, error: address.error, fieldErrors: { slug: [address.error] }, values };
  const content: DraftContent = { title: parsed.data.title, slug: address.slug, standfirst: '', category: '', tags: [], authorId: user.id, heroImageId: null, heroAlt: '', heroCredit: '', body: '', featured: false };
  let id: string;
  try {
    id = (await createDraft(user.id, content)).id;
  } catch (error) {
    if (!(error instanceof SlugTakenError)) throw error;
    return { ok: false, error: slugTakenMessage(error.slug), fieldErrors: { slug: [slugTakenMessage(error.slug)] }, values };
  }
  revalidatePath('/editor/drafts');
  redirect(`/editor/drafts/${id}`);
});

async function conflictSummary(mine: DraftContent, theirs: DraftRecord): Promise<ConflictSummary> {
  const names = new Map((await listUsers()).map((person) => [person.id, person.name]));
  return {
    currentVersion: theirs.version,
    changedBy: theirs.updatedByName,
    changedAt: formatTime(theirs.updatedAt, await getSite()),
    fields: changedFields(mine, theirs).map((field) => ({ label: FIELD_LABELS[field], mine: fieldText(mine, field, names), theirs: fieldText(theirs, field, names) })),
  };
}

/** Rendered elements can travel back only to a call made by JavaScript (see ActionState's views). */
async function calledWithJavaScript(): Promise<boolean> {
  return (await headers()).has('next-action');
}

/** A chosen hero image is stored before anything else is checked, so a refusal never makes the writer choose it again. */
async function storeHeroImage(file: unknown, user: PublicUser): Promise<{ id?: string; error?: string }> {
  // An empty file input still sends an empty part, named differently by each browser and by React.
  if (!(file instanceof File) || file.size === 0) return {};
  const stored = await storeUploadedImage(file, user.id);
  return stored.ok ? { id: stored.image.id } : { error: stored.error };
}

async function savedState(result: SaveResult & { ok: true }, userId: string): Promise<ActionState> {
  const { draft } = result;
  const state = { ok: true as const, message: `Saved as version ${draft.version}.`, values: formValuesOfDraft(draft) };
  // Without JavaScript the page renders again and shows the saved draft by itself.
  return (await calledWithJavaScript()) ? { ...state, views: { preview: draftPreviewElement(draft, contentOf(draft), compileGate(userId)) } } : state;
}

function addressLocked(slug: string, values: Record<string, string>): ActionState {
  const error = `This article is published at /articles/${slug}, so its address cannot change. Unpublish it first to give it a new address.`;
  return { ok: false, error: `Not saved: ${error}`, fieldErrors: { slug: [error] }, values };
}

export const saveDraftAction = editorAction('drafts:write-own', draftFormSchema, async (input, user) => {
  const viewer = viewerOf(user);
  const values = formValuesOf(input);
  const draft = await getDraft(viewer, input.id);
  if (!draft) return { ok: false, error: NOT_FOUND, values };
  if (!viewer.canEditAny && draft.status !== 'draft') return { ok: false, error: IN_REVIEW, values };

  if (input.intent === 'preview') {
    const message = 'The preview below shows what you typed. It is not saved yet.';
    // With or without JavaScript, "Preview" is a preview like the live one: same turns, same gate.
    const turn = takePreviewTurn(user.id);
    if (!turn.ok) return { ok: false, error: PREVIEW_PAUSED, values };
    if (!(await calledWithJavaScript())) {
      if (!(await keepTypedPreview(draft.id, user.id, values))) return { ok: false, error: TOO_LARGE_TO_PREVIEW, values };
      return { ok: true, message, values };
    }
    const content = previewContentOf(values, draft, (await authorChoices(user)).map((person) => person.id));
    return { ok: true, message, values, views: { preview: draftPreviewElement(draft, content, turn.gate) } };
  }

  const hero = await storeHeroImage(input.heroImage, user);
  if (hero.id) values.heroImageId = hero.id;
  if (hero.error) return { ok: false, error: `Not saved: ${hero.error}`, fieldErrors: { heroImage: [hero.error] }, values };

  const fields = draftFieldsSchema.safeParse(values);
  if (!fields.success) {
    const fieldErrors = z.flattenError(fields.error).fieldErrors as Record<string, string[]>;
    return { ok: false, error: `Not saved: ${fields.error.issues[0]?.message ?? 'check the form.'}`, fieldErrors, values };
  }
  // Readers and other sites link to a published address, and it must stay unique among published
  // articles: it only changes while the article is unpublished.
  if (draft.publishedRevisionId && fields.data.slug !== draft.slug) {
    if (!fields.data.slug) fields.data.slug = draft.slug;
    else return addressLocked(draft.slug, values);
  }
  const checked = await checkDraft(fields.data, user, draft.id);
  if (!checked.ok) return { ...checked, values };

  const base = input.intent === 'overwrite' && input.overwriteVersion ? input.overwriteVersion : input.version;
  let result: SaveResult;
  try {
    result = await saveDraft(viewer, draft.id, base, checked.content);
  } catch (error) {
    if (!(error instanceof SlugTakenError)) throw error;
    return { ok: false, error: `Not saved: ${slugTakenMessage(error.slug)}`, fieldErrors: { slug: [slugTakenMessage(error.slug)] }, values };
  }
  if (result.ok) {
    refreshDraftPages(draft.id);
    return await savedState(result, user.id);
  }
  if (result.reason === 'not-found') return { ok: false, error: NOT_FOUND, values };
  if (result.reason === 'locked') return { ok: false, error: IN_REVIEW, values };
  if (result.reason === 'published-address') return addressLocked(result.current.slug, values);
  return {
    ok: false,
    error: `This draft was changed by ${result.current.updatedByName} since you opened it. Your changes have not been saved.`,
    values: { ...values, overwriteVersion: String(result.current.version) },
    conflict: await conflictSummary(checked.content, result.current),
  };
});

export const restoreRevisionAction = editorAction('drafts:write-own', restoreSchema, async ({ id, version, baseVersion }, user) => {
  const result = await restoreRevision(viewerOf(user), id, version, baseVersion);
  if (result.ok) {
    refreshDraftPages(id);
    revalidatePath(`/editor/drafts/${id}/history`);
    return { ok: true, message: `Version ${version} is restored as version ${result.draft.version}.` };
  }
  if (result.reason === 'not-found') return { ok: false, error: NOT_FOUND };
  if (result.reason === 'locked') return { ok: false, error: IN_REVIEW };
  return { ok: false, error: `Not restored: ${result.current.updatedByName} saved version ${result.current.version} since this page was opened. Reload the history and try again.` };
});

export const submitForReviewAction = editorAction('drafts:write-own', draftIdSchema, async ({ id }, user) => {
  const result = await submitForReview(viewerOf(user), id);
  if (!result.ok) return { ok: false, error: result.current ? 'This draft is no longer a draft that can be submitted.' : NOT_FOUND };
  refreshDraftPages(id);
  return { ok: true, message: 'Submitted for review. The editors will see it in their review queue.' };
});

export const withdrawFromReviewAction = editorAction('drafts:write-own', draftIdSchema, async ({ id }, user) => {
  const result = await backToWriter(viewerOf(user), id);
  if (!result.ok) return { ok: false, error: result.current ? 'This draft is not in review.' : NOT_FOUND };
  refreshDraftPages(id);
  return { ok: true, message: 'Withdrawn from review. You can change it again.' };
});

export const returnToWriterAction = editorAction('drafts:edit-any', draftIdSchema, async ({ id }, user) => {
  const result = await backToWriter(viewerOf(user), id);
  if (!result.ok) return { ok: false, error: result.current ? 'This draft is not in review any more.' : NOT_FOUND };
  refreshDraftPages(id);
  return { ok: true, message: `“${result.draft.title}” is back with its writer.` };
});
