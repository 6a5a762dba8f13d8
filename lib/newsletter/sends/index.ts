import 'server-only';

import { skipRemaining } from '@/db/queries/newsletter-deliveries';
import { requeueCancelled, type Requeued, requeueFailed } from '@/db/queries/newsletter-retries';
import { countSendsOf, createSend, getPublishedSnapshot, moveSend } from '@/db/queries/newsletter-sends';
import type { NewsletterSend } from '@/db/schema';
import { log } from '@/lib/log';

import { getArticleCode, getCategories, getSite } from '../../content';
import { draftToArticle } from '../../content/draft-article';
import type { Site } from '../../content/types';
import { plural } from '../../text/plural';
import { isUuid } from '../../validation';
import { queueDelivery } from '../delivery/job';
import { UNSUBSCRIBE_PLACEHOLDER } from '../delivery/message';
import { LEASE_SECONDS } from '../delivery-settings';
import { renderArticleEmail } from '../email';
import { remedyRefusals } from '../remedy-refusals';

// The newsroom's entry points to newsletter sends (the pages read progress with their own queries).

export type SendResult = { ok: true; sendId: string; message: string } | { ok: false; error: string };

const NOT_PUBLISHED = 'This article is not published, so it cannot be emailed. Publish it first.';
const ALREADY_SENT = 'This article has already been emailed to subscribers. Sending it again needs the explicit resend, confirmed.';
const STALE = 'This article was emailed again since you opened this page, so nothing was sent. Reload the page to see its sends.';
const LIVE = 'This article’s newsletter is still going out (sending, waiting or paused). Let it finish, or cancel it, before sending again.';

/**
 * Starts the newsletter send of a published article: renders the email once, snapshots the
 * recipients (confirmed, not suppressed) as queued deliveries and queues the work. Refuses an
 * unpublished draft, and a draft that was already emailed unless `again` (the explicit, confirmed
 * resend), which also needs `seenSequence`: the draft's number of sends as the editor's page showed
 * it, so a second press, or a colleague's resend meanwhile, sends nothing.
 */
export async function startSend(input: { draftId: string; by: string; again: boolean; seenSequence?: number }): Promise<SendResult> {
  if (!isUuid(input.draftId)) return { ok: false, error: 'Unknown draft.' };
  const snapshot = await getPublishedSnapshot(input.draftId);
  if (!snapshot) return { ok: false, error: NOT_PUBLISHED };
  if (!input.again && (await countSendsOf(input.draftId)) > 0) return { ok: false, error: ALREADY_SENT };

  const converted = await draftToArticle(
    { id: input.draftId, content: snapshot.content, publishedAt: snapshot.publishedAt, updatedAt: snapshot.contentUpdatedAt },
    await getCategories(),
  );
  if (!converted.ok) return { ok: false, error: `The article cannot be emailed: ${converted.problems.join(' ')}` };
  let email: Awaited<ReturnType<typeof renderArticleEmail>>;
  try {
    const code = await getArticleCode(converted.article);
    email = await renderArticleEmail(converted.article, code, await getSite(), { unsubscribeUrl: UNSUBSCRIBE_PLACEHOLDER });
  } catch (error) {
    log.error({ err: error }, `The email of draft ${input.draftId} could not be rendered`);
    return { ok: false, error: 'The email could not be made from this article. Check that its page shows, then try again.' };
  }
  // Every recipient's unsubscribe link goes where the placeholder is: an email without it must not go out.
  if (!email.html.includes(UNSUBSCRIBE_PLACEHOLDER) || !email.text.includes(UNSUBSCRIBE_PLACEHOLDER)) {
    log.error(`The email of draft ${input.draftId} came out without its unsubscribe link.`);
    return { ok: false, error: 'The email came out without its unsubscribe link, so it was not sent. Please report this.' };
  }

  const { draftId, by, again, seenSequence } = input;
  const created = await createSend({ draftId, revisionId: snapshot.revisionId, createdBy: by, again, seenSequence, ...email });
  if (!created.ok) return { ok: false, error: { already: ALREADY_SENT, stale: STALE, live: LIVE, unpublished: NOT_PUBLISHED }[created.reason] };
  const { send } = created;
  if (send.status === 'done') return { ok: true, sendId: send.id, message: 'There are no confirmed subscribers, so nothing was sent.' };
  await queueDelivery(send.id);
  return { ok: true, sendId: send.id, message: `Sending to ${plural(send.recipients, 'subscriber', await getSite())}.` };
}

const refusals: Record<NewsletterSend['status'], string> = {
  sending: 'This send is already sending.',
  waiting: 'This send is waiting and continues by itself.',
  paused: 'This send is already paused.',
  cancelled: 'This send was cancelled.',
  done: 'This send has finished.',
};

async function move(sendId: string, from: NewsletterSend['status'][], to: NewsletterSend['status'], reason: string | null) {
  if (!isUuid(sendId)) return { ok: false as const, error: 'No such send.' };
  const moved = await moveSend(sendId, from, to, reason);
  if (!moved.ok) return { ok: false as const, error: moved.status ? refusals[moved.status] : 'No such send.' };
  return { ok: true as const };
}

/** The worker stops within a few messages (see delivery/batch.ts; those already handed to the server finish). */
export async function pauseSend(sendId: string): Promise<SendResult> {
  const moved = await move(sendId, ['sending', 'waiting'], 'paused', 'by an editor.');
  return moved.ok ? { ok: true, sendId, message: 'Paused. Nothing more goes out until you resume.' } : moved;
}

/** A paused send goes on; a waiting one tries again now (after its mail server setting was fixed, say). */
export async function resumeSend(sendId: string): Promise<SendResult> {
  const moved = await move(sendId, ['paused', 'waiting'], 'sending', null);
  if (!moved.ok) return moved;
  await queueDelivery(sendId);
  return { ok: true, sendId, message: 'Resumed.' };
}

/** Nobody else receives it; the rows not sent are kept as skipped, "Cancelled". */
export async function cancelSend(sendId: string): Promise<SendResult> {
  const moved = await move(sendId, ['sending', 'waiting', 'paused'], 'cancelled', 'by an editor.');
  if (!moved.ok) return moved;
  const skipped = await skipRemaining(sendId, LEASE_SECONDS);
  return { ok: true, sendId, message: `Cancelled: ${plural(skipped, 'message', await getSite())} will not be sent.` };
}

async function requeued(sendId: string, requeue: (id: string) => Promise<Requeued>, none: string, done: (count: number, site: Site) => string): Promise<SendResult> {
  if (!isUuid(sendId)) return { ok: false, error: 'No such send.' };
  const result = await requeue(sendId);
  if (!result.ok && result.reason === 'status') return { ok: false, error: result.status ? refusals[result.status] : 'No such send.' };
  if (!result.ok) return { ok: false, error: remedyRefusals[result.reason] };
  if (result.count === 0) return { ok: false, error: none };
  await queueDelivery(sendId);
  return { ok: true, sendId, message: done(result.count, await getSite()) };
}

/** A finished send tries its failed messages again (not the bounced or skipped ones): never everyone. */
export const retryFailed = (sendId: string): Promise<SendResult> =>
  requeued(sendId, requeueFailed, 'No message of this send failed, so there is nothing to try again.', (count, site) => `Trying ${plural(count, 'failed message', site)} again.`);

/** A cancelled send goes on for the readers it had not reached (minus those who left since). */
export const continueSend = (sendId: string): Promise<SendResult> =>
  requeued(
    sendId,
    requeueCancelled,
    'Every reader of this send had their turn, so there is nobody left to send to.',
    (count, site) => `Continuing: ${plural(count, 'message', site)} to go.`,
  );
