import 'server-only';

import type { DraftRecord } from '@/db/queries/drafts';
import type { DraftContent } from '@/db/schema';
import { getCategories } from '@/lib/content';
import { type PreparedDraft, prepareDraft } from '@/lib/content/draft-article';
import type { CompileGate } from '@/lib/content/draft-mdx';

/** A draft to preview, as saved or as typed; `gate` is the turn of the person looking (./preview-turns.ts). */
export type DraftPreviewSource = {
  draft: { id: string; content: DraftContent; publishedAt: Date | null; updatedAt: Date | null };
  gate: CompileGate;
};

/** The draft with this content (as typed, or as just saved), to preview in an action's answer. */
export function previewOf(draft: DraftRecord, content: DraftContent, gate: CompileGate): DraftPreviewSource {
  return { draft: { id: draft.id, content, publishedAt: draft.publishedAt, updatedAt: new Date() }, gate };
}

/**
 * A draft through the same pipeline as a published article, with what still stops it from being
 * published; an unpublished draft is previewed as if published now.
 */
export async function prepareDraftPreview({ draft, gate }: DraftPreviewSource): Promise<PreparedDraft> {
  return prepareDraft({ id: draft.id, content: draft.content, publishedAt: draft.publishedAt ?? new Date(), updatedAt: draft.updatedAt }, await getCategories(), gate);
}
