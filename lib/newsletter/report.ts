import type { DeliveryCounts, SendRow, Trouble } from '@/db/queries/newsletter-reports';

import type { Site } from '../content/types';
import { formatDateTime } from '../dates/format';
import { plural } from '../text/plural';

// How a send reads in the newsroom: its progress and its state in words, on the site's clock.

type Clock = Pick<Site, 'locale' | 'timeZone'>;

export type Progress = { sent: number; failed: number; bounced: number; skipped: number; remaining: number; total: number };

export function progressOf(counts: DeliveryCounts): Progress {
  const remaining = counts.queued + counts.sending;
  const total = remaining + counts.sent + counts.failed + counts.bounced + counts.skipped;
  return { sent: counts.sent, failed: counts.failed, bounced: counts.bounced, skipped: counts.skipped, remaining, total };
}

export const LIVE_STATUSES: readonly SendRow['status'][] = ['sending', 'waiting'];

const statusLabels: Record<SendRow['status'], string> = {
  sending: 'Sending',
  waiting: 'Waiting',
  paused: 'Paused',
  cancelled: 'Cancelled',
  done: 'Done',
};

// The engine's reasons for waiting say when it goes on themselves ("…; trying again at 15:00.").
const SAYS_WHEN = /\b(continues|trying again) at /;

/** "Waiting: hourly limit reached, continues at 25 Nov 2026, 15:00", the time said once. */
export function statusText(send: Pick<SendRow, 'status' | 'statusReason' | 'resumeAt'>, site: Clock): string {
  const reason = send.statusReason?.trim().replace(/\.$/, '');
  const parts = [reason].filter(Boolean);
  if (send.status === 'waiting' && send.resumeAt && !SAYS_WHEN.test(reason ?? '')) parts.push(`continues at ${formatDateTime(send.resumeAt, site)}`);
  return parts.length > 0 ? `${statusLabels[send.status]}: ${parts.join(', ')}` : statusLabels[send.status];
}

const troubleTexts: Record<Exclude<Trouble, null>, string> = {
  paused: 'Paused for over an hour: resume or cancel it.',
  overdue: 'Should have continued by now and has not: check that the app server is running.',
  stalled: 'No progress for over ten minutes: check that the app server is running and can reach the mail server.',
  refused: 'The mail server has refused this send for over ten minutes: read its reason above, and check the mail server and its setting (SMTP_URL).',
};

/** Why the overview shows this send: its trouble and its permanent failures, in words. */
export function attentionText(send: Pick<SendRow, 'counts'> & { trouble: Trouble }, site: Pick<Site, 'locale'>): string {
  const failed = send.counts.failed;
  const failures = failed > 0 ? `${plural(failed, 'address', site, 'addresses')} failed permanently.` : '';
  return [send.trouble ? troubleTexts[send.trouble] : '', failures].filter(Boolean).join(' ');
}
