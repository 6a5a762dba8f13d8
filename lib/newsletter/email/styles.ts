import type { CSSProperties } from 'react';

// Mail clients that darken a message invert each colour pair they find, so every text colour below is
// set together with its own background: the pair is inverted as one, and text never lands on a
// background it was not chosen for. The colours are the site's light palette (app/styles/base.css).
export const palette = {
  page: '#f1eee7',
  paper: '#ffffff',
  text: '#1b1c1f',
  muted: '#4a4d55',
  rule: '#d9d4c9',
  accent: '#b3261e',
  accentText: '#ffffff',
};

// The site's serif first (readers who have it installed see the site's type), then what every client has.
export const serif = "'Source Serif 4', Georgia, 'Times New Roman', serif";
export const sans = "-apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/** The message's width: what every client shows without scaling. */
export const WIDTH = 600;
export const GUTTER = 24;
/** Pictures inside the text column. */
export const COLUMN = WIDTH - 2 * GUTTER;

const on = (color: string, backgroundColor: string): CSSProperties => ({ color, backgroundColor });

export const ink = on(palette.text, palette.paper);
export const mutedInk = on(palette.muted, palette.paper);

export const text: CSSProperties = { ...ink, fontFamily: serif, fontSize: '17px', lineHeight: '1.6', margin: '0 0 16px' };
export const small: CSSProperties = { ...mutedInk, fontFamily: sans, fontSize: '14px', lineHeight: '1.5', margin: '0 0 8px' };
export const link: CSSProperties = { ...on(palette.accent, palette.paper), textDecoration: 'underline' };

export const heading = (size: number): CSSProperties => ({
  ...ink,
  fontFamily: serif,
  fontSize: `${size}px`,
  lineHeight: '1.25',
  fontWeight: 700,
  margin: '28px 0 12px',
});

export const cell: CSSProperties = {
  ...ink,
  border: `1px solid ${palette.rule}`,
  padding: '6px 8px',
  textAlign: 'left',
  verticalAlign: 'top',
  fontFamily: sans,
  fontSize: '15px',
  lineHeight: '1.4',
};

export const boxed: CSSProperties = {
  ...ink,
  border: `1px solid ${palette.rule}`,
  borderRadius: '4px',
  padding: '12px 16px',
  margin: '0 0 16px',
};

// For the clients that honour the reader's dark setting (Apple Mail, Outlook.com): the same pairs in
// the site's dark palette. Gmail drops class-based rules and keeps the light pairs above, which its
// own inversion handles.
export const darkModeCss = `
@media (prefers-color-scheme: dark) {
  .em-page, .em-page td { background-color: #16171a !important; }
  .em-paper, .em-paper td, .em-paper p, .em-paper h1, .em-paper h2, .em-paper h3, .em-paper li, .em-paper blockquote, .em-paper th { background-color: #1d1e22 !important; color: #ecebe8 !important; }
  .em-paper .em-muted { color: #b4b7bf !important; }
  .em-paper a { background-color: #1d1e22 !important; color: #ff8a80 !important; }
  .em-paper a.em-button { background-color: #ff8a80 !important; color: #16171a !important; }
}`;
