import type { Metadata } from 'next';
import { cookies } from 'next/headers';

import { ChallengeForm } from '@/components/newsletter/challenge-form';
import { newChallenge, PENDING_ADDRESS_COOKIE } from '@/lib/newsletter/challenge';

import { subscribeAction } from '../actions';

export const metadata: Metadata = { title: 'One more step', robots: { index: false } };

// Where a sign-up lands, with JavaScript, once a client or the whole site has signed up a lot this
// hour: the browser solves a fresh challenge and sends the sign-up again with its answer.
export default async function CheckPage() {
  // Reading the cookies first makes the page render per request: a challenge is never prerendered.
  const jar = await cookies();
  const challenge = await newChallenge();
  return (
    <div className="container narrow">
      <h1>One more step</h1>
      <p>
        Many sign-ups are arriving right now, so your browser does a short calculation to show that it is not a script. It takes a few seconds, runs on this site alone and sends
        nothing anywhere else.
      </p>
      <ChallengeForm action={subscribeAction} challenge={challenge} email={jar.get(PENDING_ADDRESS_COOKIE)?.value ?? ''} />
    </div>
  );
}
