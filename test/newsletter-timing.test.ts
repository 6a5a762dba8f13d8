import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';

import { afterAll, describe, expect, it } from 'vitest';

import { closeDb } from '@/db';
import { clearRateLimit, hitRateLimit } from '@/db/queries/rate-limits';
import type { Site } from '@/lib/content/types';
import type { OutgoingMail } from '@/lib/mail/transport';
import { confirm, requestSubscription, siteCounter } from '@/lib/newsletter/service';

const site = {
  name: 'Test Gazette',
  shortName: 'Gazette',
  url: 'https://timing.gazette.example',
  language: 'en',
  newsletter: { fromName: 'Test Gazette', fromAddress: 'news@gazette.example' },
} as Site;

const RUNS = 31;
const address = () => `timing-${randomUUID()}@example.org`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

afterAll(closeDb);

/** A subscriber who confirmed: the address an attacker most wants to tell apart from a new one. */
async function confirmedAddress(): Promise<string> {
  const email = address();
  let mail: OutgoingMail | undefined;
  await requestSubscription({ email, website: '', ip: randomUUID(), site }, { send: async (sent) => void (mail = sent) });
  const token = new URL(mail!.text.match(/https:\/\/\S+\/newsletter\/confirm\?\S+/)![0]).searchParams.get('token')!;
  await confirm(token);
  return email;
}

async function timeSignup(email: string): Promise<number> {
  const start = performance.now();
  // The email itself goes out after the response (after()), so it is left out, as in the app.
  await requestSubscription({ email, website: '', ip: randomUUID(), site }, { send: async () => {}, defer: () => {} });
  return performance.now() - start;
}

/** One database write on its own: the yardstick for what one extra statement costs right now. */
async function timeOneWrite(): Promise<number> {
  const start = performance.now();
  await hitRateLimit(`timing:${randomUUID()}`, 1, 60);
  return performance.now() - start;
}

describe('sign-up timing', () => {
  // Statistics, so that a slow machine makes it neither pass nor fail by chance: a new and a known
  // address sign up in pairs, back to back and in alternating order, so that both members of a pair
  // meet the same load; the median of the pairs' differences ignores the pairs a hiccup hit. The
  // tolerance is the median time of one database write, measured in the same loop, so it grows and
  // shrinks with the machine's load: a path with even one more write than the other (today's new
  // address has two more, and writes its email before answering) differs by about that much and
  // fails, while two paths doing the same work differ by a small fraction of it.
  it('a confirmed address answers as fast as a new one', async () => {
    const known: string[] = [];
    for (let index = 0; index < RUNS; index += 1) known.push(await confirmedAddress());
    await clearRateLimit(siteCounter(site));
    for (let index = 0; index < 5; index += 1) await timeSignup(address());

    const differences: number[] = [];
    const writes: number[] = [];
    for (let index = 0; index < RUNS; index += 1) {
      await clearRateLimit(siteCounter(site));
      const fresh = address();
      const order = index % 2 ? [known[index]!, fresh] : [fresh, known[index]!];
      const [first, second] = [await timeSignup(order[0]!), await timeSignup(order[1]!)];
      differences.push(order[0] === fresh ? first - second : second - first);
      writes.push(await timeOneWrite());
    }
    const [difference, tolerance] = [median(differences), median(writes)];
    console.log(`new minus confirmed, median of ${RUNS} pairs: ${difference.toFixed(2)} ms; one write: ${tolerance.toFixed(2)} ms`);
    expect(Math.abs(difference)).toBeLessThan(tolerance);
  });
});
