// Every URL is built here, so links, canonical URLs, feeds, sitemaps and redirects always agree.
import type { Site } from './content/types';

/** A path on the public site as an absolute URL, for feeds, sitemaps, emails and canonical links. */
export function absoluteUrl(site: Pick<Site, 'url'>, path: string): string {
  return new URL(path, `${site.url}/`).toString();
}

function paged(base: string, page = 1): string {
  return page > 1 ? `${base === '/' ? '' : base}/page/${page}` : base;
}

type SearchQuery = { q?: string; section?: string; author?: string; from?: string; to?: string; page?: number };

const SEARCH_KEYS = ['q', 'section', 'author', 'from', 'to', 'page'] as const;

function search(query: SearchQuery = {}): string {
  const params = new URLSearchParams();
  for (const key of SEARCH_KEYS) {
    const value = query[key];
    if (value !== undefined && value !== '' && !(key === 'page' && value === 1)) params.set(key, String(value));
  }
  const encoded = params.toString();
  return encoded ? `/search?${encoded}` : '/search';
}

type SubscriberQuery = { q?: string; status?: string; view?: 'suppressed'; notice?: 'lifted'; page?: number };

function withQuery(path: string, query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value));
  const encoded = params.toString();
  return encoded ? `${path}?${encoded}` : path;
}

// The newsroom. proxy.ts's matcher must spell this root out itself: Next reads it at build time.
const EDITOR = '/editor';

const editor = {
  home: () => EDITOR,
  login: (notice?: 'password-changed') => withQuery(`${EDITOR}/login`, { notice }),
  loginCode: (link?: string) => withQuery(`${EDITOR}/login/code`, { link }),
  setup: () => `${EDITOR}/setup`,
  notAllowed: () => `${EDITOR}/not-allowed`,
  /** `missing`: the list says that the draft asked for does not exist (or is not the reader's). */
  drafts: ({ missing = false }: { missing?: boolean } = {}) => (missing ? `${EDITOR}/drafts?missing` : `${EDITOR}/drafts`),
  newDraft: () => `${EDITOR}/drafts/new`,
  draft: (id: string) => `${EDITOR}/drafts/${id}`,
  draftHistory: (id: string) => `${EDITOR}/drafts/${id}/history`,
  draftPreview: (id: string) => `${EDITOR}/drafts/${id}/preview`,
  draftPublish: (id: string) => `${EDITOR}/drafts/${id}/publish`,
  /** The published article as the newsletter email, for an editor's browser. */
  draftEmail: (id: string) => `${EDITOR}/drafts/${id}/email`,
  review: () => `${EDITOR}/review`,
  people: () => `${EDITOR}/people`,
  /** Author profiles: guests, partners and agencies besides the accounts' own (editors and admins). */
  authors: () => `${EDITOR}/authors`,
  newAuthor: () => `${EDITOR}/authors/new`,
  /** `created`: the page says the profile was just created (the new-profile form is gone with it). */
  author: (id: string, notice?: 'created') => withQuery(`${EDITOR}/authors/${id}`, { notice }),
  /** `retired`: the section just retired, which the page then confirms (its form is gone with it). */
  sections: (retired?: string) => withQuery(`${EDITOR}/sections`, { retired }),
  subscribers: ({ q, status, view, notice, page }: SubscriberQuery = {}) => withQuery(`${EDITOR}/subscribers`, { q, status, view, notice, page }),
  subscribersExport: ({ q, status }: Pick<SubscriberQuery, 'q' | 'status'> = {}) => withQuery(`${EDITOR}/subscribers/export`, { q, status }),
  subscribersImport: () => `${EDITOR}/subscribers/import`,
  account: () => `${EDITOR}/account`,
  /** The publication's name, sender, links and navigation (admins). */
  settings: () => `${EDITOR}/settings`,
  /** The front page's lead and featured slots, and the breaking-news banner. */
  frontPage: (choices: Record<string, string> = {}) => withQuery(`${EDITOR}/front-page`, choices),
  /** The front page as a layout not yet saved would make it: the slots' form fields in the query. */
  frontPagePreview: (choices: Record<string, string> = {}) => withQuery(`${EDITOR}/front-page/preview`, choices),
  newsletter: (page?: number) => withQuery(`${EDITOR}/newsletter`, { page: page && page > 1 ? page : undefined }),
  /** One send's report; `page` pages its failures and bounces. */
  newsletterSend: (id: string, page?: number) => withQuery(`${EDITOR}/newsletter/${id}`, { page: page && page > 1 ? page : undefined }),
};

export const routes = {
  home: (page = 1) => paged('/', page),
  article: (slug: string) => `/articles/${slug}`,
  category: (slug: string, page = 1) => paged(`/category/${slug}`, page),
  tag: (slug: string, page = 1) => paged(`/tag/${slug}`, page),
  author: (slug: string, page = 1) => paged(`/authors/${slug}`, page),
  archive: () => '/archive',
  /** Every correction and clarification, newest first; paged by `?page=` (the page is rendered per request). */
  corrections: (page = 1) => (page > 1 ? `/corrections?page=${page}` : '/corrections'),
  archiveMonth: (year: number, month: number) => `/archive/${year}/${String(month).padStart(2, '0')}`,
  search,
  openSearch: () => '/opensearch.xml',
  newsletter: () => '/newsletter',
  newsletterConfirm: () => '/newsletter/confirm',
  newsletterCheck: () => '/newsletter/check',
  newsletterUnsubscribe: () => '/newsletter/unsubscribe',
  newsletterOneClick: () => '/newsletter/unsubscribe/one-click',
  feeds: (categorySlug?: string) => {
    const base = categorySlug ? `/category/${categorySlug}` : '';
    return { rss: `${base}/feed.xml`, atom: `${base}/atom.xml`, json: `${base}/feed.json` };
  },
  editor,
};
