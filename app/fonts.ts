import localFont from 'next/font/local';

// Self-hosted from an npm package: no request leaves the site's origin, and the build works offline.
// Upright only: the few italic passages are synthesised, which saves a second 50 KB font download
// competing with the hero image on a phone connection.
export const serif = localFont({
  src: [{ path: '../node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-normal.woff2', style: 'normal', weight: '200 900' }],
  variable: '--font-serif',
  // Used when it arrives within the first 100 ms (preloaded, or cached after a first visit), else
  // the metric-matched fallback stays: a late swap repaints the headline and standfirst, and on a
  // phone connection that repaint was the page's largest contentful paint (Lighthouse: 2.5-3 s).
  display: 'optional',
  adjustFontFallback: 'Times New Roman',
  fallback: ['Georgia', 'Times New Roman', 'serif'],
});
