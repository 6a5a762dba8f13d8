import 'server-only';

import { render } from '@react-email/render';
import { createElement } from 'react';

import { claimWelcome } from '@/db/queries/subscribers';
import { isSuppressed } from '@/db/queries/suppressions';
import { log } from '@/lib/log';

import type { Site } from '../content/types';
import type { OutgoingMail, SendMail } from '../mail/transport';
import { WelcomeEmail } from './email/welcome-email';

type Links = { page: string; oneClick: string };

export async function welcomeMail(site: Site, to: string, links: Links): Promise<OutgoingMail | null> {
  const welcome = site.newsletter.welcome;
  if (!welcome) return null;
  const email = createElement(WelcomeEmail, { site, subject: welcome.subject, body: welcome.body, unsubscribeUrl: links.page });
  const [html, text] = await Promise.all([render(email), render(email, { plainText: true, htmlToTextOptions: { wordwrap: 78 } })]);
  return {
    from: { name: site.newsletter.fromName, address: site.newsletter.fromAddress },
    to,
    subject: welcome.subject,
    text,
    html,
    headers: { 'List-Unsubscribe': `<${links.oneClick}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}

/**
 * Sends the welcome once: the claim (welcomed_at, set in one conditional UPDATE) is taken before
 * sending, so two confirmations at once send one email. A failed send is logged and not retried:
 * a welcome is worth less than the risk of sending it twice.
 */
export async function sendWelcome(subscriberId: string, site: Site, links: Links, send: SendMail): Promise<void> {
  try {
    if (!site.newsletter.welcome) return;
    const claimed = await claimWelcome(subscriberId);
    if (!claimed) return;
    // A bounce, a complaint or an admin stopped all mail to the address, a welcome included. The
    // claim stays taken: a welcome belongs to the moment of confirming, not to a lifted suppression.
    if (await isSuppressed(claimed.email)) return;
    const mail = await welcomeMail(site, claimed.email, links);
    if (mail) await send(mail);
  } catch (error) {
    log.error({ err: error }, 'Sending a welcome email failed');
  }
}
