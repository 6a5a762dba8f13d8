import 'server-only';

import { countAttempt, hitRateLimit, peekAttempts } from '@/db/queries/rate-limits';
import { confirmSubscription, getSubscriber, recordSignup, releaseConfirmationEmail, unsubscribeSubscriber } from '@/db/queries/subscribers';
import { isSuppressed } from '@/db/queries/suppressions';
import { log } from '@/lib/log';

import type { Site } from '../content/types';
import { env } from '../env.mjs';
import { type SendMail, sendMail as defaultSendMail } from '../mail/transport';
import { absoluteUrl, routes } from '../routes';
import { appSecret } from '../secret';
import { checkChallenge } from './challenge';
import { confirmationMail } from './emails';
import { CONFIRMATION_TTL_HOURS, hashToken, newConfirmationToken, unsubscribeToken, verifyUnsubscribeToken } from './tokens';
import { sendWelcome } from './welcome';

export const LIMITS = {
  /** Past `challengeAfter` sign-ups in the window, a client must solve the proof of work. */
  perIp: { limit: 10, challengeAfter: 3, windowSeconds: 3600 },
  /**
   * Confirmation emails to one address. Counted only for an email actually about to go out (at most
   * one per `resendSeconds`), after the response, so that posting someone's address from anywhere
   * neither locks it out nor reveals whether it is pending.
   */
  perAddress: { limit: 5, windowSeconds: 3600 },
  /** A pending address gets a fresh confirmation email at most this often. */
  resendSeconds: 300,
  /**
   * Every sign-up answers after at least this long, so the few database writes that still differ
   * between a new and a known address (a new row and its token against an update) cannot be timed.
   */
  answerFloorMs: 100,
  /** Sign-ups past every per-client limit, site-wide: the most confirmation emails an hour can send. */
  site: { limit: env.NEWSLETTER_EMAILS_PER_HOUR, challengeAfter: env.NEWSLETTER_CHALLENGE_AFTER, windowSeconds: 3600 },
};

/** The rate-limit key counting the whole site's sign-ups. */
export const siteCounter = (site: Site) => `signup:site:${site.url}`;

/** `challenge`: this sign-up may go on once the browser has solved a challenge (see challenge.ts). */
export type Outcome = { ok: true; message: string } | { ok: false; error: string; challenge?: true };

// The same words whatever the address's state, so the form never reveals who is subscribed.
export const SIGNUP_MESSAGE = 'Thanks! Check your inbox: we have sent you a link to confirm your subscription.';
export const BUSY_MESSAGE = 'Too many sign-ups right now. Please try again later.';
export const CHALLENGE_MESSAGE = 'One more step: your browser checks that this is not an automated sign-up.';
export const CHALLENGE_FAILED_MESSAGE = 'That check did not go through. Your browser tries once more.';

function tryAgain(seconds: number): Outcome {
  const minutes = Math.ceil(seconds / 60);
  return { ok: false, error: `Too many sign-up attempts. Please try again in ${minutes} minute${minutes === 1 ? '' : 's'}.` };
}

/** The signed unsubscribe page and its RFC 8058 one-click endpoint, for one subscriber. */
export function unsubscribeLinks(site: Site, subscriberId: string) {
  const token = unsubscribeToken(subscriberId, appSecret());
  return {
    page: absoluteUrl(site, `${routes.newsletterUnsubscribe()}?token=${encodeURIComponent(token)}`),
    oneClick: absoluteUrl(site, `${routes.newsletterOneClick()}?token=${encodeURIComponent(token)}`),
  };
}

type SignupInput = {
  email: string;
  website: string;
  ip: string | null;
  site: Site;
  /** The challenge widget's answer, if the form sent one. */
  challenge?: string;
  /** Whether the form can run the challenge (it was sent with JavaScript). */
  canSolve?: boolean;
};

type Delivery = {
  send?: SendMail;
  /** Runs the sending after the response (next/server's `after`), so no answer takes longer than another. */
  defer?: (task: () => Promise<void>) => void;
};

/**
 * Below the thresholds nobody sees a challenge. Past them a sign-up goes on only with a solved one;
 * a form without JavaScript cannot solve it and is asked to come back later.
 */
async function challengeGate(site: Site, clientAttempts: number, answer: string | undefined, canSolve: boolean): Promise<Outcome | null> {
  const required = clientAttempts > LIMITS.perIp.challengeAfter || (await peekAttempts(siteCounter(site), LIMITS.site.windowSeconds)) >= LIMITS.site.challengeAfter;
  if (!required) return null;
  const check = await checkChallenge(answer);
  if (check === 'passed') return null;
  if (!canSolve) return { ok: false, error: BUSY_MESSAGE };
  return { ok: false, error: check === 'missing' ? CHALLENGE_MESSAGE : CHALLENGE_FAILED_MESSAGE, challenge: true };
}

async function atLeast<T>(milliseconds: number, task: () => Promise<T>): Promise<T> {
  const deadline = performance.now() + milliseconds;
  const result = await task();
  const rest = deadline - performance.now();
  if (rest > 0) await new Promise((resolve) => setTimeout(resolve, Math.ceil(rest)));
  return result;
}

export function requestSubscription(input: SignupInput, delivery: Delivery = {}): Promise<Outcome> {
  return atLeast(LIMITS.answerFloorMs, () => signUp(input, delivery));
}

async function signUp(input: SignupInput, { send = defaultSendMail, defer }: Delivery): Promise<Outcome> {
  const { email, website, ip, site } = input;
  if (website.trim() !== '') return { ok: true, message: SIGNUP_MESSAGE };
  let clientAttempts = 0;
  if (ip) {
    const byIp = await countAttempt(`signup:ip:${ip}`, LIMITS.perIp.windowSeconds);
    if (byIp.count > LIMITS.perIp.limit) return tryAgain(byIp.retryAfterSeconds);
    clientAttempts = byIp.count;
  }
  const gate = await challengeGate(site, clientAttempts, input.challenge, input.canSolve ?? false);
  if (gate) return gate;
  if (!(await hitRateLimit(siteCounter(site), LIMITS.site.limit, LIMITS.site.windowSeconds)).allowed) return { ok: false, error: BUSY_MESSAGE };

  // Known and new addresses take the same path up to here and one statement from here on; the
  // email, which only some get, is written and sent after the response.
  const { token, hash } = newConfirmationToken();
  const signup = await recordSignup(email, { hash, expiresAt: new Date(Date.now() + CONFIRMATION_TTL_HOURS * 3600_000) }, LIMITS.resendSeconds);
  if (!signup.claimed) return { ok: true, message: SIGNUP_MESSAGE };
  const deliver = async () => {
    try {
      // A suppressed address (it bounced, or its reader complained) is never mailed, whoever signs it up;
      // the answer was the same, so the form still reveals nothing.
      if (await isSuppressed(signup.email)) return;
      // Over the cap the address keeps the links it was sent this hour; it just gets no more.
      if (!(await hitRateLimit(`signup:email:${email}`, LIMITS.perAddress.limit, LIMITS.perAddress.windowSeconds)).allowed) return;
      const links = unsubscribeLinks(site, signup.id);
      const confirmUrl = absoluteUrl(site, `${routes.newsletterConfirm()}?token=${encodeURIComponent(token)}`);
      await send(confirmationMail({ site, to: signup.email, confirmUrl, unsubscribeUrl: links.page, oneClickUrl: links.oneClick }));
    } catch (error) {
      // Logged for the operator, and the claim given back so that signing up again sends again.
      log.error({ err: error }, 'Sending a confirmation email failed');
      await releaseConfirmationEmail(signup.id);
    }
  };
  if (defer) defer(deliver);
  else await deliver();
  return { ok: true, message: SIGNUP_MESSAGE };
}

const confirmErrors = {
  unknown: 'This confirmation link is not valid. Please sign up again to get a new one.',
  used: 'This confirmation link has already been used. If you are not subscribed, please sign up again.',
  expired: 'This confirmation link has expired. Please sign up again to get a new one.',
  unsubscribed: 'This address has unsubscribed since the link was sent. Please sign up again to resubscribe.',
};

/** Confirms a sign-up; given the site, the welcome email of its settings follows (once, after the response with `defer`). */
export async function confirm(token: string, { site, send = defaultSendMail, defer }: Delivery & { site?: Site } = {}): Promise<Outcome> {
  const result = await confirmSubscription(hashToken(token));
  if (!result.ok) return { ok: false, error: confirmErrors[result.reason] };
  if (site?.newsletter.welcome) {
    const welcome = () => sendWelcome(result.subscriber.id, site, unsubscribeLinks(site, result.subscriber.id), send);
    if (defer) defer(welcome);
    else await welcome();
  }
  return { ok: true, message: `You are subscribed. The next newsletter will arrive at ${result.subscriber.email}.` };
}

const INVALID_UNSUBSCRIBE = 'This unsubscribe link is not valid. Please use the link in your most recent email.';

/** Who an unsubscribe link is for, without changing anything (for the page a GET shows). */
export async function describeUnsubscribe(token: string): Promise<{ email: string; status: string } | null> {
  const id = verifyUnsubscribeToken(token, appSecret());
  const subscriber = id ? await getSubscriber(id) : undefined;
  return subscriber ? { email: subscriber.email, status: subscriber.status } : null;
}

export async function unsubscribe(token: string): Promise<Outcome> {
  const id = verifyUnsubscribeToken(token, appSecret());
  const subscriber = id ? await unsubscribeSubscriber(id) : undefined;
  if (!subscriber) return { ok: false, error: INVALID_UNSUBSCRIBE };
  return { ok: true, message: `${subscriber.email} is unsubscribed. We will not email you again.` };
}
