import 'server-only';

import { markFinal, markRetry, markSent, type Recipient, releaseClaims } from '@/db/queries/newsletter-deliveries';
import { clearHold, getSendStatus } from '@/db/queries/newsletter-sends';
import { suppressEmail } from '@/db/queries/suppressions';

import type { Site } from '../../content';
import { type MailPool, NOT_SENT } from '../../mail/transport';
import { personalise, type RenderedSend } from './message';
import { classifySmtpError, type Verdict } from './smtp-errors';

const MAX_ATTEMPTS = 8;
// Refusals with the same code in a row, nothing accepted in between: the server, not the readers,
// is the problem (unreachable, a relay refusal, a quota), and the send waits instead of failing them.
const STREAK = 10;
// A reader refused on this attempt is judged on their own, however many were refused around them,
// so that a run of genuinely dead addresses holds the send back twice at most.
const STREAK_ATTEMPTS = 3;
// The lanes look at the send's status every this many messages: a pause or cancel stops them.
const STATUS_EVERY = 5;
const MARK_TRIES = 3;

/** `heldCode`: the code the mail server last halted the send with (newsletter_sends.held_code). */
export type BatchContext = { send: RenderedSend; site: Site; pool: MailPool; connections: number; leaseMs: number; signal?: AbortSignal; heldCode?: string | null };
export type BatchOutcome = { accepted: number; halt?: Verdict };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const LATE = Symbol('late');

/** The pool's answer, or an ETIMEDOUT (a network error: retried) once `ms` have passed. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`No answer from the mail server within ${Math.round(ms / 1000)} s`), { code: 'ETIMEDOUT', [LATE]: true })), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** markSent, tried again over a database hiccup; its last error if it never succeeds. */
async function markSentPatiently(sendId: string, subscriberId: string, response: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await markSent(sendId, subscriberId, response);
    } catch (error) {
      if (attempt >= MARK_TRIES) throw error;
      await sleep(500 * attempt);
    }
  }
}

/**
 * Hands the claimed rows to the pool, `connections` at a time, and records each answer as it comes.
 * Every message has a third of the lease to get its answer, and none starts after half the lease
 * (counted from `claimedAt`, taken before the claim), so each row is settled a sixth of the lease
 * before another worker could claim it.
 */
export async function deliverBatch(context: BatchContext, rows: Recipient[], held: boolean, claimedAt: number): Promise<BatchOutcome> {
  const { send, site, pool, connections, leaseMs, signal } = context;
  const queue = [...rows];
  const messageMs = leaseMs / 3;
  const startBy = claimedAt + leaseMs / 2;
  const outcome: BatchOutcome = { accepted: 0 };
  let streak: { recipient: Recipient; verdict: Verdict }[] = [];
  const heldBack: Recipient[] = [];
  let handed = 0;
  let stopped = false;
  let timedOut = false;
  let broken: { error: unknown } | undefined;
  let stillHeld = held;

  const flushStreak = async () => {
    const refused = streak;
    streak = [];
    for (const { recipient, verdict } of refused) await record(send.id, recipient, verdict);
  };

  const refused = async (recipient: Recipient, verdict: Verdict) => {
    if (verdict.kind === 'halt') {
      outcome.halt ??= verdict;
      queue.unshift(recipient);
      return;
    }
    if (recipient.attempts >= STREAK_ATTEMPTS) {
      // Still the code the server halted the send with, nothing accepted since: the server's refusal,
      // not this reader's. Tried again later, never judged, and the lane goes on to the others.
      if (stillHeld && verdict.code !== undefined && verdict.code === context.heldCode) return setAside(send.id, recipient, verdict);
      return record(send.id, recipient, verdict);
    }
    if (streak.length > 0 && streak[0]!.verdict.code !== verdict.code) await flushStreak();
    streak.push({ recipient, verdict });
    if (streak.length < STREAK) return;
    const said = verdict.network ? 'cannot be reached' : `refused ${STREAK} messages in a row`;
    outcome.halt ??= { kind: 'halt', reason: `the mail server ${said} (${verdict.reason})`, code: verdict.code };
    heldBack.push(...streak.map((entry) => entry.recipient));
    streak = [];
  };

  const going = () => !outcome.halt && !stopped && !timedOut && !broken && !signal?.aborted && Date.now() < startBy;

  const deliverOne = async (recipient: Recipient) => {
    handed += 1;
    if (handed % STATUS_EVERY === 0) {
      const status = await getSendStatus(send.id);
      if (status !== 'sending' && status !== 'waiting') {
        stopped = true;
        queue.unshift(recipient);
        return;
      }
    }
    let response: string;
    try {
      response = await within(pool.send(personalise(send, recipient, site)), messageMs);
    } catch (error) {
      const { code, [LATE]: late } = error as { code?: unknown; [LATE]?: true };
      // Never reached the server (dropped by the reset below): back to the queue, uncharged.
      if (code === NOT_SENT) {
        queue.unshift(recipient);
        return;
      }
      // A message past its deadline may still be on its connection, and the pool's queue behind it
      // with their own deadlines running: the pool drops what waits, so nothing given up on goes out
      // later, and this batch ends (the next claim uses fresh connections).
      if (late && !timedOut) {
        timedOut = true;
        pool.reset();
      }
      return refused(recipient, classifySmtpError(error));
    }
    // Recorded outside the try above: a database error here is no answer of the mail server's. If
    // it lasts, the row stays 'sending' for its lease and the run stops (see the README's duplicate window).
    await markSentPatiently(send.id, recipient.subscriberId, response);
    outcome.accepted += 1;
    if (stillHeld) {
      stillHeld = false;
      await clearHold(send.id);
    }
    await flushStreak();
  };

  const lane = async () => {
    while (queue.length > 0 && going()) {
      try {
        await deliverOne(queue.shift()!);
      } catch (error) {
        broken ??= { error };
      }
    }
  };
  await Promise.allSettled(Array.from({ length: Math.min(connections, rows.length) }, lane));
  // Refusals not yet judged: on a halt or a database failure they wait for the next run, charged.
  if (outcome.halt || broken) heldBack.push(...streak.map((entry) => entry.recipient));
  else await flushStreak();
  await releaseClaims(
    send.id,
    heldBack.map((recipient) => recipient.subscriberId),
    { charged: true },
  );
  // Never handed over (a halt, a pause, a stop, a timeout, or slower than the lease allows): back, uncharged.
  await releaseClaims(
    send.id,
    queue.map((recipient) => recipient.subscriberId),
  );
  if (broken) throw broken.error;
  return outcome;
}

const retryDelay = (recipient: Recipient) => Math.min(3600, 60 * 2 ** (recipient.attempts - 1));

const setAside = (sendId: string, recipient: Recipient, verdict: Verdict) => markRetry(sendId, recipient.subscriberId, verdict.reason, retryDelay(recipient));

async function record(sendId: string, recipient: Recipient, verdict: Verdict): Promise<void> {
  if (verdict.kind === 'bounce') {
    await markFinal(sendId, recipient.subscriberId, 'bounced', verdict.reason);
    await suppressEmail({ email: recipient.email, reason: 'hard_bounce', detail: verdict.reason, sendId });
  } else if (verdict.kind === 'retry' && recipient.attempts < MAX_ATTEMPTS) {
    await markRetry(sendId, recipient.subscriberId, verdict.reason, retryDelay(recipient));
  } else {
    const words = verdict.kind === 'retry' ? `Gave up after ${recipient.attempts} attempts: ${verdict.reason}` : verdict.reason;
    await markFinal(sendId, recipient.subscriberId, 'failed', words);
  }
}
