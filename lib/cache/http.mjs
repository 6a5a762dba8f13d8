// What shared caches (a CDN, the proxy's micro-cache) may keep, as Cache-Control headers. Plain
// JavaScript because next.config.mjs applies them at build time (it cannot import TypeScript).
//
// Next.js sends `s-maxage=31536000` for every static page it renders (its `expireTime`), and keeps a
// Cache-Control the config has already set: so a publication would stay invisible behind a CDN for a
// year. Reader pages say instead that a shared cache may keep a copy for 30 s, then serve it for 30 s
// more while it fetches a fresh one: a reader sees a publication at most a minute after it happened,
// while the origin answers each page at most about once a minute per cache. Browsers keep nothing
// (max-age=0) and revalidate with the ETag, so a reload shows the news too.

export const READER_SHARED_SECONDS = 30;
export const READER_STALE_SECONDS = 30;

export const READER_CACHE_CONTROL = `public, max-age=0, s-maxage=${READER_SHARED_SECONDS}, stale-while-revalidate=${READER_STALE_SECONDS}`;
export const PRIVATE_CACHE_CONTROL = 'private, no-store';

// The same for every reader (content/ and published articles only): listings, articles, feeds and
// sitemaps, the sign-up form, the corrections list (rendered per request for its `?page=`, which
// is in any cache's key, but showing nothing personal). Draft previews are the article pages in draft mode, for which Next.js
// itself sends `private, no-cache, no-store`; server-action answers Next.js marks `no-store` itself.
const READER_SOURCES = [
  '/',
  '/page/:page',
  '/articles/:path*',
  '/category/:path*',
  '/tag/:path*',
  '/authors/:path*',
  '/archive',
  '/archive/:path*',
  '/feed.xml',
  '/atom.xml',
  '/feed.json',
  '/sitemap.xml',
  '/news-sitemap.xml',
  '/robots.txt',
  '/opensearch.xml',
  '/icon.svg',
  '/newsletter',
  '/corrections',
];

// Per person or per link: the newsroom, search (rendered per request anyway), the newsletter's
// token pages and challenge, and the API.
const PRIVATE_SOURCES = ['/editor', '/editor/:path*', '/search', '/newsletter/:path+', '/api/:path*'];

/**
 * The Cache-Control rules for next.config.mjs's headers(). Not listed, and keeping their own:
 * /_next/static (immutable, Next.js's), /_next/image and /media (a year, immutable: their addresses
 * change with their content).
 */
export function cacheControlRules() {
  return [
    ...READER_SOURCES.map((source) => ({ source, headers: [{ key: 'Cache-Control', value: READER_CACHE_CONTROL }] })),
    ...PRIVATE_SOURCES.map((source) => ({ source, headers: [{ key: 'Cache-Control', value: PRIVATE_CACHE_CONTROL }] })),
  ];
}
