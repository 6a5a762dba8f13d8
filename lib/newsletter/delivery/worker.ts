import 'server-only';

import { claimDeliveries, type Limits, markFinal, markRetry, markSent, type Recipient, releaseClaims } from '@/db/queries/newsletter-deliveries';
import { clearHold, getSend, holdSend } from '@/db/queries/newsletter-sends';
import { suppressEmail } from '@/db/queries/suppressions';

import { getSite, type Site } from '../../content';
import { formatDateTime } from '../../dates/format';
import { env } from '../../env.mjs';
import { type MailPool, openMailPool } from '../../mail/transport';
import { personalise, type RenderedSend } from './message';
import { classifySmtpError, type Verdict } from './smtp-errors';

/**
 * How long a claimed row is its worker's. A worker that dies leaves its rows 'sending'; after the
 * lease another claims them again. That is the one duplicate window: a message the server accepted
 * in the instant before its row was marked 'sent' goes out twice. Rows are marked one by one right
 * after the server's answer, and no message starts later than half the lease after its claim, so
 * a live worker never loses a row to another.
 */
export const LEASE_SECONDS = 120;
const MAX_ATTEMPTS = 8;
// Consecutive network failures (nothing accepted in between) after which the server, not the
// reader, is the problem.
const NETWORK_STREAK = 10;
const MAX_BATCH = 200;

export type DeliverOptions = {
  pool?: MailPool;
  /** In-flight messages; the pool's connections. */
  connections?: number;
  limits?: Limits;
  leaseSeconds?: number;
  /** A job stops claiming after this long and asks to be run again, so none runs for hours. */
  budgetMs?: number;
};

export type DeliverResult = { next: 'done' } | { next: 'later'; at: Date };

const envLimits = (): Limits => ({ perSecond: env.NEWSLETTER_SEND_PER_SECOND, perHour: env.NEWSLETTER_SEND_PER_HOUR, perDay: env.NEWSLETTER_SEND_PER_DAY });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
const WINDOW_WORDS = { hour: 'Hourly', day: 'Daily' } as const;

/** Delivers the send's due messages until done, a limit, a hold or the time budget; says when to run again. */
export async function deliverSend(sendId: string, options: DeliverOptions = {}): Promise<DeliverResult> {
  const send = await getSend(sendId);
  if (!send || (send.status !== 'sending' && send.status !== 'waiting')) return { next: 'done' };
  const connections = options.connections ?? env.SMTP_POOL_CONNECTIONS;
  const pool = options.pool ?? openMailPool(undefined, connections);
  const context: Context = {
    send,
    site: await getSite(),
    pool,
    connections,
    leaseMs: (options.leaseSeconds ?? LEASE_SECONDS) * 1000,
  };
  const deadline = Date.now() + (options.budgetMs ?? 60_000);
  try {
    let batch = connections * 4;
    while (Date.now() < deadline) {
      const claim = await claimDeliveries(sendId, batch, options.limits ?? envLimits(), context.leaseMs / 1000);
      if (claim.kind === 'stopped') return { next: 'done' };
      if (claim.kind === 'rows') {
        const started = Date.now();
        const outcome = await deliverBatch(context, claim.rows, claim.waiting);
        if (outcome.halt) return await halt(context, outcome.halt);
        // About a second's work per claim: few transactions when fast, short leases when slow.
        if (claim.rows.length > 0) batch = Math.min(MAX_BATCH, Math.max(connections, Math.round((outcome.accepted * 1000) / Math.max(1, Date.now() - started))));
        continue;
      }
      if (claim.kind === 'limited' && claim.window !== 'second') {
        const words = `${WINDOW_WORDS[claim.window]} limit of ${claim.limit} messages reached; continues at ${formatDateTime(claim.until, context.site)}.`;
        await holdSend(sendId, words, claim.until);
        return { next: 'later', at: claim.until };
      }
      // A per-second limit, or a retry due in a moment: wait here rather than in the queue.
      if (claim.until.getTime() - Date.now() > 5_000 || claim.until.getTime() > deadline) return { next: 'later', at: claim.until };
      await sleep(claim.until.getTime() - Date.now());
    }
    return { next: 'later', at: new Date() };
  } finally {
    if (!options.pool) pool.close();
  }
}

type Context = { send: RenderedSend; site: Site; pool: MailPool; connections: number; leaseMs: number };
type BatchOutcome = { accepted: number; halt?: Verdict };

/** Hands the claimed rows to the pool, `connections` at a time, and records each answer as it comes. */
async function deliverBatch(context: Context, rows: Recipient[], waiting: boolean): Promise<BatchOutcome> {
  const { send, site, pool, connections, leaseMs } = context;
  const queue = [...rows];
  const startBy = Date.now() + leaseMs / 2;
  const outcome: BatchOutcome = { accepted: 0 };
  let streak: { recipient: Recipient; verdict: Verdict }[] = [];
  let held = waiting;

  const flushStreak = async () => {
    const failed = streak;
    streak = [];
    for (const { recipient, verdict } of failed) await record(send.id, recipient, verdict);
  };

  const lane = async () => {
    while (queue.length > 0 && !outcome.halt && Date.now() < startBy) {
      const recipient = queue.shift()!;
      try {
        const response = await pool.send(personalise(send, recipient, site));
        await markSent(send.id, recipient.subscriberId, response);
        outcome.accepted += 1;
        if (held) {
          held = false;
          await clearHold(send.id);
        }
        await flushStreak();
      } catch (error) {
        const verdict = classifySmtpError(error);
        if (verdict.kind === 'halt') {
          outcome.halt ??= verdict;
          queue.unshift(recipient);
        } else if (verdict.network) {
          streak.push({ recipient, verdict });
          if (streak.length >= NETWORK_STREAK) {
            outcome.halt ??= { kind: 'halt', reason: `the mail server cannot be reached (${verdict.reason})` };
            queue.unshift(...streak.map((entry) => entry.recipient));
            streak = [];
          }
        } else {
          await record(send.id, recipient, verdict);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(connections, rows.length) }, lane));
  await flushStreak();
  // Never handed over (a halt, or slower than the lease allows): back to the queue, uncharged.
  await releaseClaims(
    send.id,
    queue.map((recipient) => recipient.subscriberId),
  );
  return outcome;
}

async function record(sendId: string, recipient: Recipient, verdict: Verdict): Promise<void> {
  if (verdict.kind === 'bounce') {
    await markFinal(sendId, recipient.subscriberId, 'bounced', verdict.reason);
    await suppressEmail({ email: recipient.email, reason: 'hard_bounce', detail: verdict.reason, sendId });
  } else if (verdict.kind === 'retry' && recipient.attempts < MAX_ATTEMPTS) {
    await markRetry(sendId, recipient.subscriberId, verdict.reason, Math.min(3600, 60 * 2 ** (recipient.attempts - 1)));
  } else {
    const words = verdict.kind === 'retry' ? `Gave up after ${recipient.attempts} attempts: ${verdict.reason}` : verdict.reason;
    await markFinal(sendId, recipient.subscriberId, 'failed', words);
  }
}

/**
 * The mail server refuses the whole send: it waits, 1 minute the first time, twice as long each
 * time it is refused again without a message getting through (up to 30 minutes).
 */
async function halt({ send, site }: Context, verdict: Verdict): Promise<DeliverResult> {
  const current = await getSend(send.id);
  const previous = current?.status === 'waiting' && current.resumeAt ? current.resumeAt.getTime() - current.updatedAt.getTime() : 0;
  const delay = Math.min(30 * 60_000, Math.max(60_000, previous * 2));
  const until = new Date(Date.now() + delay);
  const reason = verdict.reason.charAt(0).toUpperCase() + verdict.reason.slice(1);
  await holdSend(send.id, `${reason}; trying again at ${formatDateTime(until, site)}.`, until);
  return { next: 'later', at: until };
}
