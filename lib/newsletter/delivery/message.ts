import 'server-only';

// A CommonJS object of functions: Node's ESM loader offers it as the default export only.
import mimeFuncs from 'nodemailer/lib/mime-funcs';

import type { Site } from '../../content/types';
import { escapeHtml } from '../../mail/html';
import type { BulkMail } from '../../mail/transport';
import { unsubscribeLinks } from '../service';

/**
 * The email is rendered once per send with this address where the unsubscribe link goes; each
 * recipient's signed link replaces it. `.invalid` can never be a real host (RFC 2606), and the
 * address has no character that HTML or the plain-text part would escape or wrap.
 */
export const UNSUBSCRIBE_PLACEHOLDER = 'https://unsubscribe.invalid/broadsheet-unsubscribe-link';

/**
 * The list's name as a header phrase: quoted when plain ASCII, else RFC 2047 encoded words (a
 * prepared header is written as given, and raw UTF-8 there is not allowed).
 */
function listPhrase(name: string): string {
  const plain = name.replace(/["\\\r\n]/g, '');
  return /^[\x20-\x7e]*$/.test(plain) ? `"${plain}"` : mimeFuncs.encodeWord(name.replace(/[\r\n]/g, ' '), 'B', 52);
}

export type RenderedSend = { id: string; subject: string; html: string; text: string };

/** The send's email for one subscriber: their unsubscribe link and headers, and a Message-ID stable across retries. */
export function personalise(send: RenderedSend, recipient: { subscriberId: string; email: string }, site: Site): BulkMail {
  const links = unsubscribeLinks(site, recipient.subscriberId);
  const host = new URL(site.url).hostname;
  return {
    from: { name: site.newsletter.fromName, address: site.newsletter.fromAddress },
    to: recipient.email,
    subject: send.subject,
    html: send.html.replaceAll(UNSUBSCRIBE_PLACEHOLDER, escapeHtml(links.page)),
    text: send.text.replaceAll(UNSUBSCRIBE_PLACEHOLDER, links.page),
    // The same message to the same reader always has the same id, so a mail system that sees it
    // twice (see the README's duplicate window) can tell it is one message.
    messageId: `<${send.id}.${recipient.subscriberId}@${host}>`,
    // Set as plain headers: nodemailer's own `list.unsubscribePost` option does not write the header.
    headers: {
      'List-Unsubscribe': `<${links.oneClick}>, <${links.page}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'List-Id': { prepared: true, value: `${listPhrase(site.name)} <newsletter.${host}>` },
    },
  };
}
