import 'server-only';

import { searchDrafts as searchDraftRows } from '@/db/queries/draft-search';
import type { DraftViewer } from '@/db/queries/drafts';
import { isSearchTimeout } from '@/db/queries/search';

import { searchConfig } from './entries';
import { parseSearchParams } from './params';

/** The newsroom's drafts list filtered by `q`, with the site's search configuration. */
export async function searchDrafts(viewer: DraftViewer, q: string) {
  const { q: query, truncated } = parseSearchParams({ q });
  if (!query) return { query, truncated, tooSlow: false, drafts: [] };
  try {
    return { query, truncated, tooSlow: false, drafts: await searchDraftRows(viewer, query, await searchConfig()) };
  } catch (error) {
    if (!isSearchTimeout(error)) throw error;
    return { query, truncated, tooSlow: true, drafts: [] };
  }
}
