'use server';

import { editorAction } from '@/lib/actions/editor-action';
import { expire } from '@/lib/cache/expire';
import { refreshPage } from '@/lib/cache/refresh';
import { getSite } from '@/lib/content';
import { formatScheduleTime } from '@/lib/dates/format';
import { parseLocalDateTime } from '@/lib/dates/local-time';
import { draftIdSchema, publishSchema, scheduleSchema } from '@/lib/publishing/schema';
import { cancel, publishNow, type PublishOutcome, schedule, unpublish } from '@/lib/publishing/service';
import { routes } from '@/lib/routes';

const refused = (what: string, outcome: PublishOutcome & { ok: false }) => ({ ok: false as const, error: `${what} ${outcome.problems.join(' ')}` });

export const publishNowAction = editorAction('drafts:publish', publishSchema, async ({ draftId, version }, user) => {
  const outcome = await publishNow(draftId, version, user.id);
  if (!outcome.ok) return refused('Not published:', outcome);
  // Also makes the browser refetch this (dynamic) page, now showing the change.
  await expire(outcome.tags);
  return { ok: true, message: `Published. Readers see it at ${routes.article(outcome.slug)}.` };
});

export const unpublishAction = editorAction('drafts:publish', draftIdSchema, async ({ draftId }) => {
  const outcome = await unpublish(draftId);
  if (!outcome.ok) return refused('Not unpublished:', outcome);
  // Also makes the browser refetch this (dynamic) page, now showing the change.
  await expire(outcome.tags);
  return { ok: true, message: 'Unpublished. The article is no longer on the site; the draft is kept.' };
});

export const scheduleAction = editorAction('drafts:publish', scheduleSchema, async ({ draftId, version, publishAt }, user) => {
  const site = await getSite();
  const runAt = parseLocalDateTime(publishAt, site.timeZone);
  if (!runAt) return { ok: false, error: 'Enter a date and time such as 2026-11-25 18:30.', fieldErrors: { publishAt: ['Not a date and time.'] } };
  const outcome = await schedule(draftId, version, runAt, user.id);
  if (!outcome.ok) return { ok: false, error: `Not scheduled: ${outcome.problems.join(' ')}` };
  refreshPage();
  return { ok: true, message: `Version ${version} is scheduled for ${formatScheduleTime(runAt, site)}.` };
});

export const cancelScheduleAction = editorAction('drafts:publish', draftIdSchema, async ({ draftId }) => {
  const outcome = await cancel(draftId);
  if (!outcome.ok) return { ok: false, error: outcome.problems.join(' ') };
  refreshPage();
  return { ok: true, message: 'The schedule is cancelled.' };
});
