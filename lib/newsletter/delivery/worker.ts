import 'server-only';

import { claimDeliveries, type Limits } from '@/db/queries/newsletter-deliveries';
import { getSend, holdSend } from '@/db/queries/newsletter-sends';

import { getSite } from '../../content';
import { formatDateTime } from '../../dates/format';
import { env } from '../../env.mjs';
import { type MailPool, openMailPool } from '../../mail/transport';
import { LEASE_SECONDS } from '../delivery-settings';
import { type BatchContext, deliverBatch } from './batch';
import type { Verdict } from './smtp-errors';

// Where a message can go out twice is listed in the README ("The duplicate window"): a worker that
// dies, its rows claimed again after the lease (LEASE_SECONDS); an answer that never arrives; a
// database that cannot record an accepted message. A live worker settles every row well inside its
// lease (see deliverBatch), so it never loses one to another.

const MAX_BATCH = 200;

export type DeliverOptions = {
  pool?: MailPool;
  /** In-flight messages; the pool's connections. */
  connections?: number;
  limits?: Limits;
  leaseSeconds?: number;
  /** A job stops claiming after this long and asks to be run again, so none runs for hours. */
  budgetMs?: number;
  /** The server is stopping: no new claim or message, the ones in flight finish, the rest go back to the queue. */
  signal?: AbortSignal;
};

export type DeliverResult = { next: 'done' } | { next: 'later'; at: Date };

const envLimits = (): Limits => ({ perSecond: env.NEWSLETTER_SEND_PER_SECOND, perHour: env.NEWSLETTER_SEND_PER_HOUR, perDay: env.NEWSLETTER_SEND_PER_DAY });
const WINDOW_WORDS = { hour: 'Hourly', day: 'Daily' } as const;

/** Waits `ms`, or less when `signal` aborts. */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, Math.max(0, ms));
    signal?.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}

/** Delivers the send's due messages until done, a limit, a hold, the time budget or a stop; says when to run again. */
export async function deliverSend(sendId: string, options: DeliverOptions = {}): Promise<DeliverResult> {
  const send = await getSend(sendId);
  if (!send || (send.status !== 'sending' && send.status !== 'waiting')) return { next: 'done' };
  const connections = options.connections ?? env.SMTP_POOL_CONNECTIONS;
  const pool = options.pool ?? openMailPool(undefined, connections);
  const { signal } = options;
  const context: BatchContext = { send, site: await getSite(), pool, connections, leaseMs: (options.leaseSeconds ?? LEASE_SECONDS) * 1000, signal, heldCode: send.heldCode };
  const deadline = Date.now() + (options.budgetMs ?? 60_000);
  try {
    let batch = connections * 4;
    while (Date.now() < deadline && !signal?.aborted) {
      const claimedAt = Date.now();
      const claim = await claimDeliveries(sendId, batch, options.limits ?? envLimits(), context.leaseMs / 1000);
      if (claim.kind === 'stopped') return { next: 'done' };
      if (claim.kind === 'rows') {
        const outcome = await deliverBatch(context, claim.rows, claim.held, claimedAt);
        if (outcome.halt) return await halt(context, outcome.halt);
        // About a second's work per claim: few transactions when fast, short leases when slow.
        if (claim.rows.length > 0) batch = Math.min(MAX_BATCH, Math.max(connections, Math.round((outcome.accepted * 1000) / Math.max(1, Date.now() - claimedAt))));
        continue;
      }
      if (claim.kind === 'limited' && claim.window !== 'second') {
        const words = `${WINDOW_WORDS[claim.window]} limit of ${claim.limit} messages reached; continues at ${formatDateTime(claim.until, context.site)}.`;
        await holdSend(sendId, words, claim.until);
        return { next: 'later', at: claim.until };
      }
      // A per-second limit, or a retry due in a moment: wait here rather than in the queue.
      if (claim.until.getTime() - Date.now() > 5_000 || claim.until.getTime() > deadline) return { next: 'later', at: claim.until };
      await sleep(claim.until.getTime() - Date.now(), signal);
    }
    return { next: 'later', at: new Date() };
  } finally {
    if (!options.pool) pool.close();
  }
}

/**
 * The mail server refuses the whole send: it waits a minute longer than the refusals have lasted
 * (held_since, kept across retries), so 1, 2, 4 … minutes (up to 30) while no message gets through.
 * A wait for an hourly or daily limit before the first refusal counts for nothing.
 */
async function halt({ send, site }: BatchContext, verdict: Verdict): Promise<DeliverResult> {
  const heldSince = (await getSend(send.id))?.heldSince;
  const delay = Math.min(30 * 60_000, 60_000 + (heldSince ? Math.max(0, Date.now() - heldSince.getTime()) : 0));
  const until = new Date(Date.now() + delay);
  const reason = verdict.reason.charAt(0).toUpperCase() + verdict.reason.slice(1);
  await holdSend(send.id, `${reason}; trying again at ${formatDateTime(until, site)}.`, until, { byServer: true, code: verdict.code });
  return { next: 'later', at: until };
}
