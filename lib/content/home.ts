import 'server-only';

import { HOME_TAG } from '../cache/tags';
import { getChosenSlots } from '../front-page/live';
import { articlesFor } from './articles';
import { HOME_LATEST_PER_PAGE } from './paging';
import { homeLayout, paginate } from './queries';
import type { Article } from './types';

/** A page of the home page at `now`: the newsroom's choices in force, the other positions automatic. */
export async function getHomePage(page: number, now: Date = new Date()) {
  const [articles, chosen] = await Promise.all([articlesFor(HOME_TAG), getChosenSlots(now)]);
  return homePage(articles, chosen, page);
}

/** The home page's first page as `chosen` would make it, from `articles` (a preview). */
export function homePage(articles: Article[], chosen: readonly (string | null | undefined)[], page = 1) {
  const layout = homeLayout(articles, chosen);
  const latest = paginate(layout.latest, page, HOME_LATEST_PER_PAGE);
  return latest && { ...layout, latest };
}
