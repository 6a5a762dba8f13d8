import type { Site } from '../content/types';
import type { OutgoingMail } from '../mail/transport';

const escape = (value: string) =>
  value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

type SignInMail = { site: Site; to: string; code: string; linkUrl: string; minutes: number };

/** The sign-in code email: the code for the browser that asked, and a link that works in any. */
export function signInCodeMail({ site, to, code, linkUrl, minutes }: SignInMail): OutgoingMail {
  const subject = `Your sign-in code for the ${site.name} newsroom: ${code}`;
  const notice = `The code and the link work once, for ${minutes} minutes. If you did not ask to sign in, ignore this email: nobody can sign in without it.`;
  const text = [
    `Someone, hopefully you, asked to sign in to the ${site.name} newsroom with this address.`,
    '',
    `Sign-in code: ${code}`,
    '',
    'Or open this link and press the button on the page:',
    linkUrl,
    '',
    notice,
  ].join('\n');
  const html = `<!doctype html>
<html lang="${escape(site.language)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escape(subject)}</title></head>
<body style="margin:0;padding:24px;background:#fbfaf7;color:#1b1c1f;font-family:Georgia,'Times New Roman',serif;font-size:17px;line-height:1.6">
  <div style="max-width:560px;margin:0 auto">
    <p style="margin:0 0 16px;font-size:24px;font-weight:bold">${escape(site.name)}</p>
    <h1 style="font-size:22px;margin:0 0 12px">Your sign-in code</h1>
    <p style="font-size:32px;letter-spacing:4px;font-family:monospace;margin:16px 0">${escape(code)}</p>
    <p><a href="${escape(linkUrl)}">Or sign in with this link</a>.</p>
    <p style="font-size:15px;color:#4a4d55">${escape(notice)}</p>
  </div>
</body>
</html>`;
  return { from: { name: site.newsletter.fromName, address: site.newsletter.fromAddress }, to, subject, text, html };
}
