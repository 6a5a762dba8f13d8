'use server';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { after } from 'next/server';

import { publicAction } from '@/lib/actions/public-action';
import { getSite } from '@/lib/content';
import { CHALLENGE, PENDING_ADDRESS_COOKIE } from '@/lib/newsletter/challenge';
import { signupSchema, tokenSchema } from '@/lib/newsletter/schema';
import { confirm, requestSubscription, unsubscribe } from '@/lib/newsletter/service';
import { routes } from '@/lib/routes';

export const subscribeAction = publicAction(signupSchema, async ({ email, website, altcha }, { ip }) => {
  // Next.js sends this header when the page's JavaScript calls the action; a plain form post
  // (no JavaScript) cannot run a challenge, so it is told to come back later instead.
  const canSolve = (await headers()).has('next-action');
  // The email goes out after the response, so a known address answers exactly like a new one.
  const outcome = await requestSubscription({ email, website, ip, site: await getSite(), challenge: altcha, canSolve }, { defer: after });
  if (outcome.ok || !outcome.challenge) return outcome;
  // To the page that runs the challenge: its code is on that page alone, so no reader page carries
  // it. The address goes along in a cookie rather than in the URL, where logs would keep it.
  const check = routes.newsletterCheck();
  (await cookies()).set(PENDING_ADDRESS_COOKIE, email, { httpOnly: true, sameSite: 'lax', path: check, maxAge: CHALLENGE.ttlSeconds });
  redirect(check);
});

// The welcome email, like the confirmation email, goes out after the response.
export const confirmAction = publicAction(tokenSchema, async ({ token }) => confirm(token, { site: await getSite(), defer: after }));

export const unsubscribeAction = publicAction(tokenSchema, async ({ token }) => unsubscribe(token));
