import type { Site } from '../content/types';

export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

/**
 * The page every email of the site is written on: its language, title and masthead, inline styles
 * only (mail clients drop style sheets). `content` is HTML whose values the caller has escaped.
 */
export function emailPage(site: Site, subject: string, content: string): string {
  return `<!doctype html>
<html lang="${escapeHtml(site.language)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:24px;background:#fbfaf7;color:#1b1c1f;font-family:Georgia,'Times New Roman',serif;font-size:17px;line-height:1.6">
  <div style="max-width:560px;margin:0 auto">
    <p style="margin:0 0 16px;font-size:24px;font-weight:bold">${escapeHtml(site.name)}</p>
${content}
  </div>
</body>
</html>`;
}
