import type { AuthorKind } from '@/db/schema';

import type { Article, Author } from './types';

// A byline longer than this is a list of contributors, not a byline.
export const MAX_AUTHORS = 6;

/** The kinds as the newsroom names them. */
export const KIND_NAMES: Record<AuthorKind, string> = { staff: 'Staff', contributor: 'Contributor', partner: 'Partner', agency: 'Agency' };

/** What an author card calls a newsroom profile of each kind; a content/ author keeps its file's role. */
export const KIND_LABELS: Record<AuthorKind, string> = { staff: 'Reporter', contributor: 'Contributor', partner: 'Partner', agency: 'Agency' };

/** Partner outlets and wire services write as organisations: no "of The <site>" and no Person. */
export const isOrganisation = (author: Pick<Author, 'kind'>): boolean => author.kind === 'partner' || author.kind === 'agency';

/** "A", "A and B", "A, B and C": the names of a byline as readers read them. */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

export const bylineOf = (article: Pick<Article, 'authors'>): string => joinNames(article.authors.map((author) => author.name));

/** Whether the byline reads "…, The <site>": only when everyone on it writes for the site. */
export const bylineHasSiteName = (article: Pick<Article, 'authors'>): boolean => !article.authors.some(isOrganisation);
