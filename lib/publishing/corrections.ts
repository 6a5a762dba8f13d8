import 'server-only';

import { appendCorrection } from '@/db/queries/corrections';
import type { CORRECTION_KINDS } from '@/db/schema';

import { tagsForCorrection } from '../cache/changes';

export type CorrectionOutcome = { ok: true; slug: string; tags: string[] } | { ok: false; problem: string };

/**
 * Appends a correction or clarification to a published article, dated now. It shows at once, without
 * publishing again: `tags` are the pages to expire (the caller does, inside its request).
 */
export async function addCorrection(input: { draftId: string; kind: (typeof CORRECTION_KINDS)[number]; text: string; userId: string }): Promise<CorrectionOutcome> {
  const added = await appendCorrection({ draftId: input.draftId, kind: input.kind, text: input.text, createdBy: input.userId });
  if (!added) return { ok: false, problem: 'Only a published article can be corrected: this one is not on the site.' };
  return { ok: true, slug: added.slug, tags: tagsForCorrection(added.slug) };
}
