import localFont from 'next/font/local';

// Self-hosted from an npm package: no request leaves the site's origin, and the build works offline.
// Upright only: the few italic passages are synthesised, which saves a second 50 KB font download
// competing with the hero image on a phone connection.
export const serif = localFont({
  src: [{ path: '../node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-normal.woff2', style: 'normal', weight: '200 900' }],
  variable: '--font-serif',
  display: 'swap',
  adjustFontFallback: 'Times New Roman',
  fallback: ['Georgia', 'Times New Roman', 'serif'],
});
