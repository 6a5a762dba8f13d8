import 'server-only';
import { searchDrafts as searchDraftRows } from '@/db/queries/draft-search';
import type { DraftViewer } from '@/db/queries/drafts';
import { searchConfig } from './entries';
import { parseSearchParams } from './params';

/** The newsroom's drafts list filtered by `q`, with the site's search configuration. */
export async function searchDrafts(viewer: DraftViewer, q: string) {
  const { q: query, truncated } = parseSearchParams({ q });
  return { query, truncated, drafts: query ? await searchDraftRows(viewer, query, await searchConfig()) : [] };
}
