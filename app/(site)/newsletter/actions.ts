'use server';

import { after } from 'next/server';
import { publicAction } from '@/lib/actions/public-action';
import { getSite } from '@/lib/content';
import { signupSchema, tokenSchema } from '@/lib/newsletter/schema';
import { confirm, requestSubscription, unsubscribe } from '@/lib/newsletter/service';

export const subscribeAction = publicAction(signupSchema, async ({ email, website }, { ip }) =>
  // The email goes out after the response, so a known address answers exactly like a new one.
  requestSubscription({ email, website, ip, site: await getSite() }, { defer: after }),
);

export const confirmAction = publicAction(tokenSchema, async ({ token }) => confirm(token));

export const unsubscribeAction = publicAction(tokenSchema, async ({ token }) => unsubscribe(token));
