import 'server-only';

import { layoutVersion, readFrontPageSlots, type SlotRow } from '@/db/queries/front-page';

import { homeLayout } from '../content/queries';
import type { Article } from '../content/types';
import { toLocalDateTime } from '../dates/local-time';
import { FRONT_PAGE_POSITIONS, type FrontPageForm, type Position, slotField, untilField } from './schema';
import { chosenAt, inForce } from './slots';

/** One position as the newsroom sees it at `now`: what it shows, and why. */
export type PositionView = {
  position: Position;
  shows?: Pick<Article, 'slug' | 'title' | 'published'>;
  /** The row behind it, if any: in force, or ended (an expired pin, an unpublished story). */
  row?: SlotRow;
  state: 'chosen' | 'automatic' | 'pin-ended' | 'unpublished';
};

export type FrontPageOverview = { positions: PositionView[]; version: Date | null; form: Record<string, string> };

/**
 * The front page at `now` from the newsroom's side: each position's story and state, the layout's
 * version (which a save must still find), and the form's fields as they stand.
 */
export async function frontPageOverview(articles: Article[], timeZone: string, now: Date): Promise<FrontPageOverview> {
  const rows = await readFrontPageSlots();
  const layout = homeLayout(articles, chosenAt(rows, now));
  const published = new Set(articles.map((article) => article.slug));
  const positions = FRONT_PAGE_POSITIONS.map((position): PositionView => {
    const row = rows.find((candidate) => candidate.position === position);
    const { article, chosen } = layout.positions[position]!;
    const state = chosen ? 'chosen' : !row ? 'automatic' : !inForce(row, now) ? 'pin-ended' : published.has(row.articleSlug) ? 'automatic' : 'unpublished';
    return { position, shows: article, row, state };
  });
  const form: Partial<Record<keyof FrontPageForm, string>> = {};
  for (const { position, row, state } of positions) {
    if (state !== 'chosen' || !row) continue;
    form[slotField(position)] = row.articleSlug;
    if (row.pinnedUntil) form[untilField(position)] = toLocalDateTime(row.pinnedUntil, timeZone);
  }
  return { positions, version: layoutVersion(rows), form: form as Record<string, string> };
}
