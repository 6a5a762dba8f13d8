import { createHash } from 'node:crypto';

// Answered by proxy.ts for every newsroom address while the database cannot be reached: without it no
// one can sign in and no page of the newsroom can render. A complete page, with no script at all, so
// it reads the same with and without JavaScript; its one style element is allowed by its hash.

const MESSAGE = 'The newsroom is unavailable: the database cannot be reached. Readers can still read the site.';

const STYLE =
  'body{margin:0;font-family:Georgia,"Times New Roman",serif;line-height:1.5;color:#1b1c1f;background:#fbfaf7}' +
  'main{max-width:40rem;margin:4rem auto;padding:0 1rem}a{color:#b3261e}' +
  '@media (prefers-color-scheme:dark){body{color:#ecebe6;background:#16171a}a{color:#ff8a80}}';

const HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Newsroom unavailable</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>Newsroom unavailable</h1>
<p>${MESSAGE}</p>
<p>Nothing you saved before is lost. Try again in a few minutes; if this lasts, tell whoever runs the site.</p>
<p><a href="/">Go to the site</a></p>
</main>
</body>
</html>
`;

const styleHash = createHash('sha256').update(STYLE).digest('base64');

/** The 503 page; next.config.mjs adds the headers every response carries. */
export function newsroomUnavailable(): Response {
  const headers = new Headers({
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Retry-After': '60',
    'Content-Security-Policy': `default-src 'none'; style-src 'sha256-${styleHash}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
  });
  return new Response(HTML, { status: 503, headers });
}
