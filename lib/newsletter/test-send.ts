import 'server-only';

import { getDraftForPublishing } from '@/db/queries/publishing';
import { hitRateLimit } from '@/db/queries/rate-limits';

import { getCategories, getSite } from '../content';
import { prepareDraft } from '../content/draft-article';
import { compileGate } from '../drafts/preview-turns';
import { type SendMail, sendMail as defaultSendMail } from '../mail/transport';
import { absoluteUrl, routes } from '../routes';
import { renderArticleEmail } from './email';

// Enough to check a few fixes in a row; a loop clicking the button cannot turn the newsroom's own
// address into a mail cannon.
const TESTS_PER_WINDOW = 5;
const WINDOW_SECONDS = 600;

export type TestSendOutcome = { ok: true; to: string; version: number } | { ok: false; problems: string[] };

/**
 * Emails the draft's latest saved version, rendered as subscribers would get it, to the person asking
 * (and only to them), its subject marked "[Test]". The latest version, not the published one: it is
 * what "Publish and email subscribers" would send, so it can be checked before anything goes out.
 */
export async function sendTestEmail(draftId: string, person: { id: string; email: string }, sendMail: SendMail = defaultSendMail): Promise<TestSendOutcome> {
  const limit = await hitRateLimit(`newsletter-test:${person.id}`, TESTS_PER_WINDOW, WINDOW_SECONDS);
  if (!limit.allowed) return { ok: false, problems: [`You sent ${TESTS_PER_WINDOW} tests in the last few minutes; try again in ${Math.ceil(limit.retryAfterSeconds / 60)} min.`] };
  const draft = await getDraftForPublishing(draftId);
  if (!draft) return { ok: false, problems: ['This draft no longer exists.'] };
  if (!draft.current) return { ok: false, problems: ['This draft has no saved version.'] };
  const prepared = await prepareDraft({ id: draft.id, content: draft.current, publishedAt: draft.publishedAt ?? new Date() }, await getCategories(), compileGate(person.id));
  if (!prepared.article || prepared.code === undefined || prepared.problems.length > 0) return { ok: false, problems: prepared.problems };
  const site = await getSite();
  const email = await renderArticleEmail(prepared.article, prepared.code, site, {
    // A test has no subscriber: the link leads to the page where a reader asks for their own.
    unsubscribeUrl: absoluteUrl(site, routes.newsletterUnsubscribe()),
  });
  await sendMail({
    from: { name: site.newsletter.fromName, address: site.newsletter.fromAddress },
    to: person.email,
    subject: `[Test] ${email.subject}`,
    html: email.html,
    text: email.text,
  });
  return { ok: true, to: person.email, version: draft.version };
}
