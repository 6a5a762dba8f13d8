import 'server-only';

import { anyMatches, closeHeadlines, closestTerms, type SearchFilters, withSearchLimits } from '@/db/queries/search';

// Words of a query as they are in the index's word list: unaccented and lower-cased.
const WORD = /[\p{L}\p{N}]+/gu;
const normalise = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
// Each word costs a trigram lookup: a long query gets suggestions for its first words only.
const MAX_WORDS = 8;

export type Suggestion = { query?: string; headlines: { slug: string; title: string }[] };

type Context = SearchFilters & { config: string; timeZone: string };

/**
 * For a search that found nothing: the query with each unknown word replaced by the closest word
 * of the index, offered only if it finds something; otherwise headlines that look like the query.
 */
export async function suggestFor(query: string, context: Context): Promise<Suggestion> {
  const words = [...new Set((query.match(WORD) ?? []).map(normalise).filter((word) => word.length >= 3))].slice(0, MAX_WORDS);
  return withSearchLimits(async (tx) => {
    const closest = await closestTerms(tx, words);
    const replacements = new Map(words.flatMap((word, index) => (closest[index] ? [[word, closest[index]] as const] : [])));
    if (replacements.size > 0) {
      const corrected = query.replace(WORD, (word) => replacements.get(normalise(word)) ?? word);
      if (await anyMatches(tx, { ...context, query: corrected })) return { query: corrected, headlines: [] };
    }
    return { headlines: await closeHeadlines(tx, query) };
  });
}
