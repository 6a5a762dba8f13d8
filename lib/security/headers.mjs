// The security headers of every response. Plain JavaScript because next.config.mjs applies them to
// static pages (it cannot import TypeScript), and proxy.ts adds the newsroom's per-request policy.

/** @param {Record<string, string[]>} directives */
const policy = (directives) =>
  Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');

// What no page of the site needs: plugins, a foreign <base>, forms posting elsewhere, being framed.
const COMMON = {
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  // Inline event handlers (onclick="…") are never rendered by React: refuse them even where inline
  // <script> elements have to be allowed.
  'script-src-attr': ["'none'"],
};

/**
 * Reader pages are rendered once and served to everyone, so they cannot carry a per-request nonce, and
 * Next.js writes each page's data as inline `self.__next_f.push(…)` scripts that differ per page (and
 * per re-render of a newsroom article): no static list of hashes can name them. So inline scripts stay
 * allowed; everything else is as strict as on the newsroom. No inline styles are rendered anywhere
 * (style-src 'self'); images come only from this site (next/image, /media).
 * @param {{ https: boolean }} options
 */
export function readerPolicy({ https }) {
  return policy({
    'default-src': ["'self'"],
    'script-src': ["'self'", "'unsafe-inline'"],
    'style-src': ["'self'"],
    'img-src': ["'self'"],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    ...COMMON,
    ...(https ? { 'upgrade-insecure-requests': [] } : {}),
  });
}

/**
 * The one page with the proof-of-work widget (/newsletter/check, reached only past the sign-up
 * threshold): ALTCHA solves in Web Workers it starts from blob: URLs and injects its own <style>, so
 * this page alone allows both. It shows nothing but the sign-up form.
 * @param {{ https: boolean }} options
 */
export function challengePolicy({ https }) {
  return readerPolicy({ https }).replace("style-src 'self'", "style-src 'self' 'unsafe-inline'").replace("connect-src 'self'", "connect-src 'self'; worker-src 'self' blob:");
}

/**
 * The newsroom renders contributors' text inside editors' sessions, and is rendered per request anyway:
 * only scripts carrying this request's nonce run (Next.js puts it on its own), and what they load.
 * blob: and data: images are the pictures an editor has just chosen, shown before they are uploaded.
 * @param {{ https: boolean, nonce: string }} options
 */
export function editorPolicy({ https, nonce }) {
  return policy({
    'default-src': ["'self'"],
    'script-src': ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    ...COMMON,
    ...(https ? { 'upgrade-insecure-requests': [] } : {}),
  });
}

/**
 * The newsletter email shown in an editor's browser: a document written for mail clients, with inline
 * styles and the site's pictures, that may run nothing and send nothing. Sandboxed, so even markup that
 * slipped through could not act in the newsroom's origin; its links open in a new tab.
 * @param {{ imageOrigin: string }} options the origin of the email's absolute image addresses (SITE_URL)
 */
export function emailPreviewPolicy({ imageOrigin }) {
  return policy({
    'default-src': ["'none'"],
    'style-src': ["'unsafe-inline'"],
    'img-src': ["'self'", imageOrigin, 'data:'],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
    sandbox: ['allow-popups', 'allow-popups-to-escape-sandbox'],
  });
}

/**
 * Headers for every response, pages, route handlers, feeds, media, errors and 404s alike.
 * @param {{ https: boolean }} options
 */
export function commonHeaders({ https }) {
  return [
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    // frame-ancestors 'none' for browsers that predate it.
    { key: 'X-Frame-Options', value: 'DENY' },
    {
      key: 'Permissions-Policy',
      value:
        'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=(), display-capture=(), browsing-topics=()',
    },
    // A browser ignores it over http, but on a site meant for http it would be a promise not kept.
    ...(https ? [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }] : []),
  ];
}

/**
 * Whether the public address of the site is https (SITE_URL).
 * @param {unknown} siteUrl
 */
export const siteIsHttps = (siteUrl) => typeof siteUrl === 'string' && siteUrl.startsWith('https:');
