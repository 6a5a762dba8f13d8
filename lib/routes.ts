// Every public URL is built here, so links, canonical URLs, feeds and sitemaps always agree.
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

export const routes = {
  home: (page = 1) => paged('/', page),
  article: (slug: string) => `/articles/${slug}`,
  category: (slug: string, page = 1) => paged(`/category/${slug}`, page),
  tag: (slug: string, page = 1) => paged(`/tag/${slug}`, page),
  author: (slug: string, page = 1) => paged(`/authors/${slug}`, page),
  archive: () => '/archive',
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
};
