import type { Site } from '../content/types';
import { emailPage, escapeHtml as escape } from '../mail/html';
import type { OutgoingMail } from '../mail/transport';

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
  const html = emailPage(
    site,
    subject,
    `    <h1 style="font-size:22px;margin:0 0 12px">Your sign-in code</h1>
    <p style="font-size:32px;letter-spacing:4px;font-family:monospace;margin:16px 0">${escape(code)}</p>
    <p><a href="${escape(linkUrl)}">Or sign in with this link</a>.</p>
    <p style="font-size:15px;color:#4a4d55">${escape(notice)}</p>`,
  );
  return { from: { name: site.newsletter.fromName, address: site.newsletter.fromAddress }, to, subject, text, html };
}
