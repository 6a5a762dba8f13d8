'use server';

import { countSendsOf } from '@/db/queries/newsletter-sends';
import type { PublicUser } from '@/db/queries/users';
import { editorAction } from '@/lib/actions/editor-action';
import { can } from '@/lib/auth/roles';
import { expire } from '@/lib/cache/expire';
import { refreshPage } from '@/lib/cache/refresh';
import { getSite } from '@/lib/content';
import { formatScheduleTime } from '@/lib/dates/format';
import { parseLocalDateTime } from '@/lib/dates/local-time';
import { startSendReported } from '@/lib/newsletter/start-send';
import { parsePublicationDate } from '@/lib/publishing/publication-date';
import { draftIdSchema, publishSchema, scheduleSchema } from '@/lib/publishing/schema';
import { cancel, publishNow, type PublishOutcome, schedule, unpublish } from '@/lib/publishing/service';
import { routes } from '@/lib/routes';

const refused = (what: string, outcome: PublishOutcome & { ok: false }) => ({ ok: false as const, error: `${what} ${outcome.problems.join(' ')}` });

/** Why "Publish and email subscribers" is refused before anything is published, if it is. */
async function emailRefusal(emailSubscribers: boolean, draftId: string, user: PublicUser) {
  if (!emailSubscribers) return null;
  if (!can(user.role, 'newsletter:send')) return { ok: false as const, error: 'You may publish, but not email subscribers: choose “Publish only”.' };
  if ((await countSendsOf(draftId)) > 0) return { ok: false as const, error: 'This article was already emailed to subscribers: choose “Publish only”, or use “Send again”.' };
  return null;
}

const dateRefused = (error: string) => ({ ok: false as const, error, fieldErrors: { publicationDate: [error] } });

export const publishNowAction = editorAction('drafts:publish', publishSchema, async ({ draftId, version, emailSubscribers, publicationDate }, user) => {
  const date = parsePublicationDate(publicationDate, (await getSite()).timeZone, new Date());
  if (!date.ok) return dateRefused(date.error);
  const refusal = await emailRefusal(emailSubscribers, draftId, user);
  if (refusal) return refusal;
  const outcome = await publishNow(draftId, version, user.id, date.date);
  if (!outcome.ok) return refused('Not published:', outcome);
  // Also makes the browser refetch this (dynamic) page, now showing the change.
  await expire(outcome.tags);
  const published = `Published. Readers see it at ${routes.article(outcome.slug)}.`;
  if (!emailSubscribers) return { ok: true, message: published };
  // The publication stands whatever happens to the email, and the answer says both.
  const send = await startSendReported({ draftId, by: user.id, again: false });
  if (send.ok) return { ok: true, message: `${published} ${send.message}` };
  return { ok: false, error: `${published} But the email to subscribers did not start: ${send.error} Try “Email subscribers” on this page.` };
});

export const unpublishAction = editorAction('drafts:publish', draftIdSchema, async ({ draftId }) => {
  const outcome = await unpublish(draftId);
  if (!outcome.ok) return refused('Not unpublished:', outcome);
  // Also makes the browser refetch this (dynamic) page, now showing the change.
  await expire(outcome.tags);
  const stopped = outcome.stoppedSends > 0 ? ' Its newsletter, which was still going out, is stopped: nobody else gets the email.' : '';
  return { ok: true, message: `Unpublished. The article is no longer on the site; the draft is kept.${stopped}` };
});

export const scheduleAction = editorAction('drafts:publish', scheduleSchema, async ({ draftId, version, publishAt, emailSubscribers, publicationDate }, user) => {
  const refusal = await emailRefusal(emailSubscribers, draftId, user);
  if (refusal) return refusal;
  const site = await getSite();
  const runAt = parseLocalDateTime(publishAt, site.timeZone);
  if (!runAt) return { ok: false, error: 'Enter a date and time such as 2026-11-25 18:30.', fieldErrors: { publishAt: ['Not a date and time.'] } };
  const date = parsePublicationDate(publicationDate, site.timeZone, runAt, true);
  if (!date.ok) return dateRefused(date.error);
  const outcome = await schedule(draftId, version, runAt, user.id, emailSubscribers, date.date);
  if (!outcome.ok) return { ok: false, error: `Not scheduled: ${outcome.problems.join(' ')}` };
  refreshPage();
  const emailed = emailSubscribers ? ' and will be emailed to subscribers' : ' (publish only, no email)';
  return { ok: true, message: `Version ${version} is scheduled for ${formatScheduleTime(runAt, site)}${emailed}.` };
});

export const cancelScheduleAction = editorAction('drafts:publish', draftIdSchema, async ({ draftId }) => {
  const outcome = await cancel(draftId);
  if (!outcome.ok) return { ok: false, error: outcome.problems.join(' ') };
  refreshPage();
  return { ok: true, message: 'The schedule is cancelled.' };
});
