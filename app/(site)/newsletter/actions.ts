'use server';

import { headers } from 'next/headers';
import { after } from 'next/server';
import { publicAction } from '@/lib/actions/public-action';
import { getSite } from '@/lib/content';
import { signupSchema, tokenSchema } from '@/lib/newsletter/schema';
import { confirm, requestSubscription, unsubscribe } from '@/lib/newsletter/service';

export const subscribeAction = publicAction(signupSchema, async ({ email, website, altcha }, { ip }) => {
  // Next.js sends this header when the page's JavaScript calls the action; a plain form post
  // (no JavaScript) cannot run a challenge, so it is told to come back later instead.
  const canSolve = (await headers()).has('next-action');
  // The email goes out after the response, so a known address answers exactly like a new one.
  const outcome = await requestSubscription({ email, website, ip, site: await getSite(), challenge: altcha, canSolve }, { defer: after });
  // The form empties itself after each post: a challenge comes back with the address to send again.
  return !outcome.ok && outcome.challenge ? { ...outcome, values: { email } } : outcome;
});

export const confirmAction = publicAction(tokenSchema, async ({ token }) => confirm(token));

export const unsubscribeAction = publicAction(tokenSchema, async ({ token }) => unsubscribe(token));
