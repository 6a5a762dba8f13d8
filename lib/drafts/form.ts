import 'server-only';

import { z } from 'zod';

import type { DraftRecord } from '@/db/queries/drafts';
import type { DraftContent } from '@/db/schema';

import { MAX_AUTHORS } from '../content/byline';
import { isUuid, uuidSchema } from '../validation';
import { bylineOfValues, bylineValues, MAX_BODY, parseTags } from './schema';

/** What the edit form posts besides the draft's fields; the fields are checked inside the action, so a refusal can hand them back. */
// Versions are Postgres integers: anything larger is a crafted request, refused with a message.
const versionNumber = z.coerce.number().int().positive().max(2_147_483_647, 'Reload the page and try again.');

export const draftFormSchema = z.looseObject({
  id: uuidSchema('Unknown draft.'),
  version: versionNumber,
  overwriteVersion: versionNumber.optional(),
  intent: z.enum(['save', 'preview', 'overwrite']).default('save'),
  // Sent by the editor's autosave, which keeps its own preview up to date: no preview is rendered for it.
  autosave: z.literal('1').optional(),
});

export const draftIdSchema = z.object({ id: uuidSchema('Unknown draft.') });

export const restoreSchema = z.object({
  id: uuidSchema('Unknown draft.'),
  version: versionNumber,
  baseVersion: versionNumber,
});

export const newDraftSchema = z.looseObject({});

/** The form's text fields, as strings, to hand back to the form. */
export function formValuesOf(input: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(input)) {
    if (typeof value === 'string' && !key.startsWith('$')) values[key] = value;
  }
  return values;
}

/** A saved draft as the form shows it. */
export function formValuesOfDraft(draft: DraftRecord): Record<string, string> {
  return {
    title: draft.title,
    slug: draft.slug,
    standfirst: draft.standfirst,
    category: draft.category,
    tags: draft.tags.join(', '),
    ...bylineValues(draft.authorIds),
    credit: draft.credit,
    heroImageId: draft.heroImageId ?? '',
    heroAlt: draft.heroAlt,
    heroCredit: draft.heroCredit,
    body: draft.body,
    ...(draft.featured ? { featured: 'on' } : {}),
    version: String(draft.version),
  };
}

/**
 * Whatever is in the form, made into something the preview can render, even when it could not be
 * saved yet: the preview shows the problems rather than refusing.
 */
export function previewContentOf(values: Record<string, string>, draft: DraftRecord, authorIds: string[]): DraftContent {
  const pick = (key: string, fallback: string) => values[key] ?? fallback;
  // Only profiles that may be chosen, each once: an unknown id would only make the preview fail.
  const typed = bylineOfValues(values, draft.authorIds);
  const byline = [...new Set(typed.filter((id) => authorIds.includes(id)))].slice(0, MAX_AUTHORS);
  const heroImageId = pick('heroImageId', draft.heroImageId ?? '');
  return {
    title: pick('title', draft.title).trim(),
    slug: draft.slug,
    standfirst: pick('standfirst', draft.standfirst).trim(),
    category: pick('category', draft.category),
    tags: parseTags(pick('tags', draft.tags.join(','))).slice(0, 8),
    authorIds: byline,
    credit: pick('credit', draft.credit).trim().slice(0, 200),
    heroImageId: isUuid(heroImageId) ? heroImageId : null,
    heroAlt: pick('heroAlt', draft.heroAlt).trim(),
    heroCredit: pick('heroCredit', draft.heroCredit).trim(),
    body: pick('body', draft.body).slice(0, MAX_BODY),
    featured: values.featured === 'on',
  };
}
