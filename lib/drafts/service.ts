import 'server-only';

import { z } from 'zod';

import { getProfileOfUser } from '@/db/queries/author-profiles';
import { backToWriter, submitForReview } from '@/db/queries/draft-review';
import { restoreRevision } from '@/db/queries/draft-revisions';
import { createDraft, saveDraft, type SaveResult, SlugTakenError } from '@/db/queries/draft-saves';
import { contentOf, getDraft } from '@/db/queries/drafts';
import type { PublicUser } from '@/db/queries/users';
import type { DraftContent } from '@/db/schema';
import type { ConflictSummary } from '@/lib/actions/result';
import { getSite } from '@/lib/content';
import { formatClock } from '@/lib/dates/format';
import { storeUploadedImage } from '@/lib/media/store';
import { routes } from '@/lib/routes';

import { resolveAddress } from './address';
import { authorChoices, checkDraft } from './check';
import { conflictSummary } from './conflict';
import { type draftFormSchema, formValuesOf, formValuesOfDraft, previewContentOf } from './form';
import { DRAFT_NOT_FOUND } from './labels';
import { type DraftPreviewSource, previewOf } from './preview';
import { compileGate, takePreviewTurn } from './preview-turns';
import { bylineOfValues, draftFieldsSchema } from './schema';
import { slugTakenMessage } from './slug';
import { viewerOf } from './viewer';

type Values = Record<string, string>;
/** A change refused, with what was typed so the form can show it again. */
export type DraftRefusal = { ok: false; error: string; fieldErrors?: Record<string, string[]>; values?: Values; conflict?: ConflictSummary };
export type DraftDone = { ok: true; message: string; values?: Values };
/**
 * `saved`: a new version exists, so pages showing the draft are stale. `preview`: one to render for
 * the answer. `keepTyped`: what was typed, for the page's next render to preview (./typed-preview.ts).
 */
export type SaveOutcome = (DraftDone & { saved: boolean; preview?: DraftPreviewSource; keepTyped?: Values }) | DraftRefusal;

const IN_REVIEW = 'This draft is with the editors for review, so it cannot be changed now. Withdraw it from review to change it.';
const PREVIEW_PAUSED = 'Previews are limited to about one a second. Press Preview again in a moment; your text is still in the form.';

const newDraftFields = z.object({ title: draftFieldsSchema.shape.title, slug: draftFieldsSchema.shape.slug });

/** A new draft from a title and an optional address, written under the name of the person creating it. */
export async function createDraftFor(user: PublicUser, input: Record<string, unknown>): Promise<{ ok: true; id: string } | DraftRefusal> {
  const values = formValuesOf(input);
  const parsed = newDraftFields.safeParse(input);
  if (!parsed.success) {
    return { ok: false, error: parsed.error.issues[0]?.message ?? 'Check the form.', fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>, values };
  }
  const address = await resolveAddress(parsed.data.slug, parsed.data.title);
  if ('error' in address) return { ok: false, error: address.error, fieldErrors: { slug: [address.error] }, values };
  const ownProfile = await getProfileOfUser(user.id);
  const content: DraftContent = {
    title: parsed.data.title,
    slug: address.slug,
    standfirst: '',
    category: '',
    tags: [],
    // Under the creator's own profile if they have one; otherwise the publish check asks for an author.
    authorIds: ownProfile ? [ownProfile.id] : [],
    credit: '',
    heroImageId: null,
    heroAlt: '',
    heroCredit: '',
    body: '',
    featured: false,
  };
  try {
    return { ok: true, id: (await createDraft(user.id, content)).id };
  } catch (error) {
    if (!(error instanceof SlugTakenError)) throw error;
    return { ok: false, error: slugTakenMessage(error.slug), fieldErrors: { slug: [slugTakenMessage(error.slug)] }, values };
  }
}

/** A chosen hero image is stored before anything else is checked, so a refusal never makes the writer choose it again. */
async function storeHeroImage(file: unknown, user: PublicUser): Promise<{ id?: string; error?: string }> {
  // A file input left empty never gets here (see formFields in lib/actions/parse-form.ts).
  if (!(file instanceof File)) return {};
  const stored = await storeUploadedImage(file, user.id);
  return stored.ok ? { id: stored.image.id } : { error: stored.error };
}

function addressLocked(slug: string, values: Values): DraftRefusal {
  const error = `This article is published at ${routes.article(slug)}, so its address cannot change. Unpublish it first to give it a new address.`;
  return { ok: false, error: `Not saved: ${error}`, fieldErrors: { slug: [error] }, values };
}

type SaveInput = z.infer<typeof draftFormSchema>;

/**
 * The edit form's Save, Overwrite and Preview. Rendered previews can travel back only to a call made
 * by JavaScript (see ActionState's views), so the caller says whether this one was; without it, the
 * caller keeps what was typed for the page's next render. `render: false` (autosave) skips the
 * saved version's preview: the live preview shows it already.
 */
export async function saveDraftFor(user: PublicUser, input: SaveInput, { javascript, render = true }: { javascript: boolean; render?: boolean }): Promise<SaveOutcome> {
  const viewer = viewerOf(user);
  const values = formValuesOf(input);
  const draft = await getDraft(viewer, input.id);
  if (!draft) return { ok: false, error: DRAFT_NOT_FOUND, values };
  if (!viewer.canEditAny && draft.status !== 'draft') return { ok: false, error: IN_REVIEW, values };

  if (input.intent === 'preview') {
    const message = 'The preview below shows what you typed. It is not saved yet.';
    // With or without JavaScript, "Preview" is a preview like the live one: same turns, same gate.
    const turn = takePreviewTurn(user.id);
    if (!turn.ok) return { ok: false, error: PREVIEW_PAUSED, values };
    if (!javascript) return { ok: true, saved: false, message, values, keepTyped: values };
    const content = previewContentOf(
      values,
      draft,
      (await authorChoices()).map((profile) => profile.id),
    );
    return { ok: true, saved: false, message, values, preview: previewOf(draft, content, turn.gate) };
  }

  const hero = await storeHeroImage(input.heroImage, user);
  if (hero.id) values.heroImageId = hero.id;
  if (hero.error) return { ok: false, error: `Not saved: ${hero.error}`, fieldErrors: { heroImage: [hero.error] }, values };

  const fields = draftFieldsSchema.safeParse({ ...values, authorIds: bylineOfValues(values, draft.authorIds) });
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
  const checked = await checkDraft(fields.data, user, draft);
  if (!checked.ok) return { ...checked, values };

  const base = input.intent === 'overwrite' && input.overwriteVersion ? input.overwriteVersion : input.version;
  let result: SaveResult;
  try {
    result = await saveDraft(viewer, draft.id, base, checked.content, { wordCount: checked.words });
  } catch (error) {
    if (!(error instanceof SlugTakenError)) throw error;
    return { ok: false, error: `Not saved: ${slugTakenMessage(error.slug)}`, fieldErrors: { slug: [slugTakenMessage(error.slug)] }, values };
  }
  if (result.ok) {
    const saved = result.draft;
    const message = `Saved at ${formatClock(saved.updatedAt, await getSite())} as version ${saved.version}.`;
    const done = { ok: true as const, saved: true, message, values: formValuesOfDraft(saved) };
    // Without JavaScript the page renders again and shows the saved draft by itself.
    return javascript && render ? { ...done, preview: previewOf(saved, contentOf(saved), compileGate(user.id)) } : done;
  }
  if (result.reason === 'not-found') return { ok: false, error: DRAFT_NOT_FOUND, values };
  if (result.reason === 'locked') return { ok: false, error: IN_REVIEW, values };
  if (result.reason === 'published-address') return addressLocked(result.current.slug, values);
  return {
    ok: false,
    error: `This draft was changed by ${result.current.updatedByName} since you opened it. Your changes have not been saved.`,
    values: { ...values, overwriteVersion: String(result.current.version) },
    conflict: await conflictSummary(checked.content, result.current),
  };
}

/** An old version brought back as the newest; refused, like a save, over a version saved since. */
export async function restoreRevisionFor(user: PublicUser, id: string, version: number, baseVersion: number): Promise<DraftDone | DraftRefusal> {
  const result = await restoreRevision(viewerOf(user), id, version, baseVersion);
  if (result.ok) return { ok: true, message: `Version ${version} is restored as version ${result.draft.version}.` };
  if (result.reason === 'not-found') return { ok: false, error: DRAFT_NOT_FOUND };
  if (result.reason === 'locked') return { ok: false, error: IN_REVIEW };
  return {
    ok: false,
    error: `Not restored: ${result.current.updatedByName} saved version ${result.current.version} since this page was opened. Reload the history and try again.`,
  };
}

export async function submitDraftFor(user: PublicUser, id: string): Promise<DraftDone | DraftRefusal> {
  const result = await submitForReview(viewerOf(user), id);
  if (!result.ok) return { ok: false, error: result.current ? 'This draft is no longer a draft that can be submitted.' : DRAFT_NOT_FOUND };
  return { ok: true, message: 'Submitted for review. The editors will see it in their review queue.' };
}

export async function withdrawDraftFor(user: PublicUser, id: string): Promise<DraftDone | DraftRefusal> {
  const result = await backToWriter(viewerOf(user), id);
  if (!result.ok) return { ok: false, error: result.current ? 'This draft is not in review.' : DRAFT_NOT_FOUND };
  return { ok: true, message: 'Withdrawn from review. You can change it again.' };
}

/** An editor hands a draft in review back to its writer (the action checks that the caller is an editor). */
export async function returnToWriterFor(user: PublicUser, id: string): Promise<DraftDone | DraftRefusal> {
  const result = await backToWriter(viewerOf(user), id);
  if (!result.ok) return { ok: false, error: result.current ? 'This draft is not in review any more.' : DRAFT_NOT_FOUND };
  return { ok: true, message: `“${result.draft.title}” is back with its writer.` };
}
