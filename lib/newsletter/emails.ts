import type { Site } from '../content/types';
import { emailPage, escapeHtml as escape } from '../mail/html';
import type { OutgoingMail } from '../mail/transport';

type ConfirmationMail = { site: Site; to: string; confirmUrl: string; unsubscribeUrl: string; oneClickUrl: string };

/** The double opt-in email: HTML and plain text, with RFC 8058 one-click unsubscribe headers. */
export function confirmationMail({ site, to, confirmUrl, unsubscribeUrl, oneClickUrl }: ConfirmationMail): OutgoingMail {
  const subject = `Confirm your subscription to ${site.name}`;
  const text = [
    `Thanks for signing up to the newsletter of ${site.name}.`,
    '',
    'Please confirm your address by opening this link:',
    confirmUrl,
    '',
    'The link works for 48 hours. If you did not sign up, ignore this email and nothing more will be sent.',
    '',
    `Unsubscribe: ${unsubscribeUrl}`,
  ].join('\n');
  const html = emailPage(
    site,
    subject,
    `    <h1 style="font-size:22px;margin:0 0 12px">Please confirm your subscription</h1>
    <p>Thanks for signing up to our newsletter. Confirm your address and we will send you the latest updates.</p>
    <p style="margin:24px 0"><a href="${escape(confirmUrl)}" style="display:inline-block;padding:12px 20px;background:#b3261e;color:#ffffff;text-decoration:none;font-family:Arial,sans-serif;font-weight:bold;border-radius:4px">Confirm my subscription</a></p>
    <p style="font-size:15px;color:#4a4d55">The link works for 48 hours. If you did not sign up, ignore this email and nothing more will be sent.</p>
    <hr style="border:0;border-top:1px solid #d9d4c9;margin:24px 0">
    <p style="font-size:14px;color:#4a4d55">You can <a href="${escape(unsubscribeUrl)}" style="color:#4a4d55">unsubscribe</a> at any time.</p>`,
  );
  return {
    from: { name: site.newsletter.fromName, address: site.newsletter.fromAddress },
    to,
    subject,
    text,
    html,
    headers: {
      'List-Unsubscribe': `<${oneClickUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}
