import { loadContent } from '../../lib/content/load';
import { homeLayout, listArchiveMonths, recentArticles } from '../../lib/content/queries';
import { yearMonthIn } from '../../lib/dates/format';

// Expectations come from the same content files the site is built from, never from a copied list.
export const content = await loadContent();
export const articles = content.articles;
export const site = content.site;
export { homeLayout, listArchiveMonths, recentArticles, yearMonthIn };

export function firstArticle(predicate: (article: (typeof articles)[number]) => boolean = () => true) {
  const found = articles.find(predicate);
  if (!found) throw new Error('The sample content has no article matching this test');
  return found;
}
