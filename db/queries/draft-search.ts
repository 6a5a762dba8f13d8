import 'server-only';

import { and, desc, sql } from 'drizzle-orm';

import { drafts } from '../schema';
import { type DraftListItem, type DraftViewer, listColumns, visibleTo } from './drafts';
import { withSearchLimits } from './search';

const LIMIT = 100;

/**
 * The drafts the viewer may see whose working copy matches, best first, weighted as the public
 * index is. Computed on the fly (a newsroom has hundreds of drafts, not the archive's thousands),
 * under the search's statement timeout, so even a newsroom with many long drafts cannot stall it.
 */
export async function searchDrafts(viewer: DraftViewer, query: string, config: string): Promise<DraftListItem[]> {
  const cfg = sql`${config}::regconfig`;
  const vector = sql`(setweight(to_tsvector(${cfg}, ${drafts.title}), 'A') || setweight(to_tsvector(${cfg}, ${drafts.standfirst}), 'B')
    || setweight(to_tsvector(${cfg}, array_to_string(${drafts.tags}, ' ')), 'C') || setweight(to_tsvector(${cfg}, ${drafts.body}), 'D'))`;
  const tsquery = sql`websearch_to_tsquery(${cfg}, ${query})`;
  return withSearchLimits((tx) =>
    tx
      .select(listColumns)
      .from(drafts)
      .where(and(visibleTo(viewer), sql`${vector} @@ ${tsquery}`))
      .orderBy(sql`ts_rank_cd(${vector}, ${tsquery}) desc`, desc(drafts.updatedAt))
      .limit(LIMIT),
  );
}
