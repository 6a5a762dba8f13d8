import 'server-only';
import { hitRateLimit } from '@/db/queries/rate-limits';
import {
  claimConfirmationEmail,
  confirmSubscription,
  createConfirmationToken,
  getSubscriber,
  releaseConfirmationEmail,
  unsubscribeSubscriber,
  upsertSubscriberForSignup,
} from '@/db/queries/subscribers';
import type { Site } from '../content/types';
import { absoluteUrl } from '../format';
import { sendMail as defaultSendMail, type SendMail } from '../mail/transport';
import { routes } from '../routes';
import { appSecret } from '../secret';
import { confirmationMail } from './emails';
import { CONFIRMATION_TTL_HOURS, hashToken, newConfirmationToken, unsubscribeToken, verifyUnsubscribeToken } from './tokens';

export const LIMITS = {
  perIp: { limit: 10, windowSeconds: 3600 },
  perAddress: { limit: 5, windowSeconds: 3600 },
  /** A pending address gets a fresh confirmation email at most this often. */
  resendSeconds: 300,
};

export type Outcome = { ok: true; message: string } | { ok: false; error: string };

// The same words whatever the address's state, so the form never reveals who is subscribed.
export const SIGNUP_MESSAGE = 'Thanks! Check your inbox: we have sent you a link to confirm your subscription.';

function tryAgain(seconds: number): Outcome {
  const minutes = Math.ceil(seconds / 60);
  return { ok: false, error: `Too many sign-up attempts. Please try again in ${minutes} minute${minutes === 1 ? '' : 's'}.` };
}

function unsubscribeLinks(site: Site, subscriberId: string) {
  const token = unsubscribeToken(subscriberId, appSecret());
  return {
    page: absoluteUrl(site, `${routes.newsletterUnsubscribe()}?token=${encodeURIComponent(token)}`),
    oneClick: absoluteUrl(site, `${routes.newsletterOneClick()}?token=${encodeURIComponent(token)}`),
  };
}

type SignupInput = { email: string; website: string; ip: string | null; site: Site };

type Delivery = {
  send?: SendMail;
  /** Runs the sending after the response (next/server's `after`), so no answer takes longer than another. */
  defer?: (task: () => Promise<void>) => void;
};

export async function requestSubscription({ email, website, ip, site }: SignupInput, { send = defaultSendMail, defer }: Delivery = {}): Promise<Outcome> {
  if (website.trim() !== '') return { ok: true, message: SIGNUP_MESSAGE };
  if (ip) {
    const byIp = await hitRateLimit(`signup:ip:${ip}`, LIMITS.perIp.limit, LIMITS.perIp.windowSeconds);
    if (!byIp.allowed) return tryAgain(byIp.retryAfterSeconds);
  }
  const byAddress = await hitRateLimit(`signup:email:${email}`, LIMITS.perAddress.limit, LIMITS.perAddress.windowSeconds);
  if (!byAddress.allowed) return tryAgain(byAddress.retryAfterSeconds);

  const subscriber = await upsertSubscriberForSignup(email);
  if (subscriber.status !== 'pending' || !(await claimConfirmationEmail(subscriber.id, LIMITS.resendSeconds))) {
    return { ok: true, message: SIGNUP_MESSAGE };
  }
  const { token, hash } = newConfirmationToken();
  await createConfirmationToken(subscriber.id, hash, new Date(Date.now() + CONFIRMATION_TTL_HOURS * 3600_000));
  const links = unsubscribeLinks(site, subscriber.id);
  const mail = confirmationMail({
    site,
    to: subscriber.email,
    confirmUrl: absoluteUrl(site, `${routes.newsletterConfirm()}?token=${encodeURIComponent(token)}`),
    unsubscribeUrl: links.page,
    oneClickUrl: links.oneClick,
  });
  const deliver = async () => {
    try {
      await send(mail);
    } catch (error) {
      // Logged for the operator, and the claim given back so that signing up again sends again.
      console.error('Sending a confirmation email failed:', error);
      await releaseConfirmationEmail(subscriber.id);
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

export async function confirm(token: string): Promise<Outcome> {
  const result = await confirmSubscription(hashToken(token));
  if (!result.ok) return { ok: false, error: confirmErrors[result.reason] };
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
