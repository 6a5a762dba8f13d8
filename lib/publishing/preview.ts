import 'server-only';

import { draftMode } from 'next/headers';

import { getVisibleDraftBySlug } from '@/db/queries/publishing';

import { can } from '../auth/roles';
import { getCurrentUser } from '../auth/session';
import type { Article } from '../content';
import { getCategories } from '../content';
import { prepareDraft } from '../content/draft-article';
import { compileGate } from '../drafts/preview-turns';
import { viewerOf } from '../drafts/viewer';

export type Preview = { article: Article; code: string } | { slug: string; problems: string[] };

/**
 * The latest saved version of the draft at this address, when draft mode is on AND the signed-in
 * person may see that draft. A draft-mode cookie alone (copied, or left behind after signing out)
 * shows nothing: the session is checked on every request. Without draft mode nothing dynamic is
 * read, so the page stays static for readers.
 */
export async function getPreview(slug: string): Promise<Preview | null> {
  if (!(await draftMode()).isEnabled) return null;
  const user = await getCurrentUser();
  if (!user || !can(user.role, 'drafts:write-own')) return null;
  const draft = await getVisibleDraftBySlug(slug, viewerOf(user));
  if (!draft) return null;
  const prepared = await prepareDraft(
    { id: draft.id, content: draft.content, publishedAt: draft.publishedAt ?? new Date(), updatedAt: draft.updatedAt },
    await getCategories(),
    compileGate(user.id),
  );
  if (!prepared.article || !prepared.code) return { slug, problems: prepared.problems };
  return { article: prepared.article, code: prepared.code };
}
