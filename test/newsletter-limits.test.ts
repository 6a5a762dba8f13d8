import { randomUUID } from 'node:crypto';

import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';

import { closeDb, getDb } from '@/db';
import { clearRateLimit, countAttempt } from '@/db/queries/rate-limits';
import { getSubscriberByEmail } from '@/db/queries/subscribers';
import { subscribers } from '@/db/schema';
import type { Site } from '@/lib/content/types';
import type { OutgoingMail } from '@/lib/mail/transport';
import { newChallenge } from '@/lib/newsletter/challenge';
import { BUSY_MESSAGE, CHALLENGE_FAILED_MESSAGE, CHALLENGE_MESSAGE, LIMITS, type Outcome, requestSubscription, SIGNUP_MESSAGE, siteCounter } from '@/lib/newsletter/service';

import { solved } from './helpers/challenge';

const site = {
  name: 'Test Gazette',
  shortName: 'Gazette',
  url: 'https://limits.gazette.example',
  language: 'en',
  newsletter: { fromName: 'Test Gazette', fromAddress: 'news@gazette.example' },
} as Site;

const address = () => `limits-${randomUUID()}@example.org`;
const client = () => `192.0.2.1-${randomUUID()}`;
const thanks = { ok: true, message: SIGNUP_MESSAGE };

function mailbox() {
  const sent: OutgoingMail[] = [];
  return { sent, send: async (mail: OutgoingMail) => void sent.push(mail) };
}

/** Checks that `outcome` asks for a challenge, and returns an answer to one, as the check page gives it. */
async function answerFor(outcome: Outcome): Promise<string> {
  if (outcome.ok || outcome.challenge !== true) throw new Error(`Expected a challenge, got ${JSON.stringify(outcome)}`);
  return solved(newChallenge());
}

/** As if `count` sign-ups had already passed site-wide this hour (this file has a site of its own). */
async function siteHasHad(count: number) {
  await clearRateLimit(siteCounter(site));
  for (let index = 0; index < count; index += 1) await countAttempt(siteCounter(site), LIMITS.site.windowSeconds);
}

afterAll(async () => {
  await clearRateLimit(siteCounter(site));
  await closeDb();
});
beforeEach(() => clearRateLimit(siteCounter(site)));

describe('the challenge threshold per client', () => {
  it('the first sign-ups of a client see no challenge; past the threshold JavaScript gets one, and its answer signs up', async () => {
    const { sent, send } = mailbox();
    const from = client();
    for (let attempt = 1; attempt <= LIMITS.perIp.challengeAfter; attempt += 1) {
      expect(await requestSubscription({ email: address(), website: '', ip: from, site, canSolve: true }, { send })).toEqual(thanks);
    }
    const email = address();
    const asked = await requestSubscription({ email, website: '', ip: from, site, canSolve: true }, { send });
    expect(asked).toEqual({ ok: false, error: CHALLENGE_MESSAGE, challenge: true });
    expect(await getSubscriberByEmail(email)).toBeUndefined();
    expect(sent).toHaveLength(LIMITS.perIp.challengeAfter);

    const answer = await answerFor(asked);
    expect(await requestSubscription({ email, website: '', ip: from, site, canSolve: true, challenge: answer }, { send })).toEqual(thanks);
    expect(sent.at(-1)?.to).toBe(email);
    // Spent: the same answer does not let a second address through.
    const replay = await requestSubscription({ email: address(), website: '', ip: from, site, canSolve: true, challenge: answer }, { send });
    expect(replay).toEqual({ ok: false, error: CHALLENGE_FAILED_MESSAGE, challenge: true });
    expect(sent).toHaveLength(LIMITS.perIp.challengeAfter + 1);
  });

  it('without JavaScript, past the threshold: a clear "try again later", nothing stored, nothing sent', async () => {
    const { sent, send } = mailbox();
    const from = client();
    for (let attempt = 1; attempt <= LIMITS.perIp.challengeAfter; attempt += 1) await requestSubscription({ email: address(), website: '', ip: from, site }, { send });
    const email = address();
    expect(await requestSubscription({ email, website: '', ip: from, site }, { send })).toEqual({ ok: false, error: BUSY_MESSAGE });
    expect(await getSubscriberByEmail(email)).toBeUndefined();
    expect(sent).toHaveLength(LIMITS.perIp.challengeAfter);
  });
});

describe('site-wide', () => {
  it('below the site threshold a new client sees nothing; at it, every client is challenged', async () => {
    const { sent, send } = mailbox();
    await siteHasHad(LIMITS.site.challengeAfter - 1);
    expect(await requestSubscription({ email: address(), website: '', ip: client(), site, canSolve: true }, { send })).toEqual(thanks);
    const email = address();
    const asked = await requestSubscription({ email, website: '', ip: client(), site, canSolve: true }, { send });
    expect(asked).toMatchObject({ ok: false, error: CHALLENGE_MESSAGE });
    expect(await requestSubscription({ email: address(), website: '', ip: client(), site }, { send })).toEqual({ ok: false, error: BUSY_MESSAGE });
    const answer = await answerFor(asked);
    expect(await requestSubscription({ email, website: '', ip: client(), site, canSolve: true, challenge: answer }, { send })).toEqual(thanks);
    expect(sent.map((mail) => mail.to)).toHaveLength(2);
  });

  it('over the hourly cap no confirmation email goes out, even with a solved challenge, and the reader is told to come back', async () => {
    const { sent, send } = mailbox();
    await siteHasHad(LIMITS.site.limit);
    const email = address();
    const asked = await requestSubscription({ email, website: '', ip: client(), site, canSolve: true }, { send });
    const answer = await answerFor(asked);
    expect(await requestSubscription({ email, website: '', ip: client(), site, canSolve: true, challenge: answer }, { send })).toEqual({ ok: false, error: BUSY_MESSAGE });
    expect(sent).toHaveLength(0);
    expect(await getSubscriberByEmail(email)).toBeUndefined();
  });

  it('the cap is counted atomically: of four simultaneous sign-ups with two places left, two send', async () => {
    const { sent, send } = mailbox();
    await siteHasHad(LIMITS.site.limit - 2);
    const asked = await Promise.all(Array.from({ length: 4 }, () => requestSubscription({ email: address(), website: '', ip: client(), site, canSolve: true }, { send })));
    const answers = [];
    for (const outcome of asked) answers.push(await answerFor(outcome));
    const outcomes = await Promise.all(answers.map((challenge) => requestSubscription({ email: address(), website: '', ip: client(), site, canSolve: true, challenge }, { send })));
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(2);
    expect(outcomes.filter((outcome) => !outcome.ok && outcome.error === BUSY_MESSAGE)).toHaveLength(2);
    expect(sent).toHaveLength(2);
  });
});

/** As if the last confirmation email to `email` had gone out longer ago than the resend interval. */
async function resendWindowPasses(email: string) {
  await getDb()
    .update(subscribers)
    .set({ lastEmailSentAt: sql`now() - make_interval(secs => ${LIMITS.resendSeconds + 1})` })
    .where(eq(subscribers.email, email));
}

describe('per address', () => {
  it('posting an address from anywhere, challenged or not, never locks its owner out', async () => {
    const { sent, send } = mailbox();
    const email = address();
    // Unchallenged posts from many clients, then posts that never answer the challenge.
    for (let attempt = 0; attempt <= LIMITS.perAddress.limit; attempt += 1) {
      expect(await requestSubscription({ email, website: '', ip: client(), site, canSolve: true }, { send })).toEqual(thanks);
    }
    await siteHasHad(LIMITS.site.challengeAfter);
    for (let attempt = 0; attempt <= LIMITS.perAddress.limit; attempt += 1) {
      expect(await requestSubscription({ email, website: '', ip: client(), site, canSolve: true }, { send })).toMatchObject({ challenge: true });
    }
    expect(sent).toHaveLength(1);

    await resendWindowPasses(email);
    const asked = await requestSubscription({ email, website: '', ip: client(), site, canSolve: true }, { send });
    const challenge = await answerFor(asked);
    expect(await requestSubscription({ email, website: '', ip: client(), site, canSolve: true, challenge }, { send })).toEqual(thanks);
    expect(sent.map((mail) => mail.to)).toEqual([email, email]);
  });

  it(`an address gets at most ${LIMITS.perAddress.limit} confirmation emails an hour, with the same answer past that`, async () => {
    const { sent, send } = mailbox();
    const email = address();
    for (let attempt = 0; attempt < LIMITS.perAddress.limit + 2; attempt += 1) {
      await clearRateLimit(siteCounter(site));
      expect(await requestSubscription({ email, website: '', ip: client(), site }, { send })).toEqual(thanks);
      await resendWindowPasses(email);
    }
    expect(sent).toHaveLength(LIMITS.perAddress.limit);
  });
});
