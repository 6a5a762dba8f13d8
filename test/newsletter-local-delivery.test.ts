import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';

import { openOwnDatabase } from './helpers/own-database';

// Without SMTP_URL the app writes each message to MAIL_DIR: set before lib/env.mjs is first read,
// so every module here is imported after it.
const mailDir = mkdtempSync(path.join(tmpdir(), 'broadsheet-newsletter-mail-'));
process.env.MAIL_DIR = mailDir;
delete process.env.SMTP_URL;
// A queue of this file's own: other files queue real sends, which its worker must not take. And a
// database of its own: its worker's start-up sweep would take every other file's live send.
process.env.JOB_QUEUE_SCHEMA = 'pgboss_local_delivery';
const database = await openOwnDatabase();
const { closeDb, getDb } = await import('@/db');
const { newsletterSends } = await import('@/db/schema');
const { listLiveSends } = await import('@/db/queries/newsletter-sends');
const { startQueue, stopQueue } = await import('@/lib/jobs/queue');
const { queueDelivery, startNewsletterDelivery } = await import('@/lib/newsletter/delivery/job');
const { deliveryCounts, seedSend, seedSubscribers } = await import('./helpers/newsletter-send');
const { header } = await import('./helpers/smtp-sink');

afterAll(async () => {
  await stopQueue(5_000);
  await closeDb();
  await database.drop();
});

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('Timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('a send without an SMTP server', () => {
  it('goes out as .eml files through the job queue, each with its headers', async () => {
    const people = await seedSubscribers(4);
    const send = await seedSend(people);
    await startQueue();
    await startNewsletterDelivery();
    await queueDelivery(send.id);
    await waitUntil(async () => (await deliveryCounts(send.id)).sent === 4);
    expect(await deliveryCounts(send.id)).toEqual({ sent: 4 });
    const files = readdirSync(mailDir);
    expect(files).toHaveLength(4);
    for (const person of people) {
      const file = files.find((name) => name.includes(person.email));
      expect(file, person.email).toBeDefined();
      const raw = readFileSync(path.join(mailDir, file!), 'utf8');
      expect(header(raw, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
      expect(header(raw, 'Message-ID')).toMatch(new RegExp(`^<${send.id}\\.${person.id}@`));
    }
  });

  it('queues a wake-up whose time has passed as a new job, never under an id that may have run already', async () => {
    const send = await seedSend(await seedSubscribers(1));
    await getDb().update(newsletterSends).set({ status: 'done' }).where(eq(newsletterSends.id, send.id));
    const past = new Date(Date.now() - 60_000);
    await queueDelivery(send.id, past);
    await queueDelivery(send.id, past);
    const [jobs] = await getDb().execute<{ count: number }>(
      sql`select count(*)::int as count from pgboss_local_delivery.job where name = 'newsletter-send' and data->>'sendId' = ${send.id}`,
    );
    expect(jobs!.count).toBe(2);
  });

  it('lists sends under way or waiting for the start-up sweep, not paused or finished ones', async () => {
    const sends = await Promise.all([0, 1, 2, 3].map(async () => seedSend(await seedSubscribers(1))));
    const statuses = ['sending', 'waiting', 'paused', 'done'] as const;
    for (const [index, status] of statuses.entries()) {
      await getDb().update(newsletterSends).set({ status }).where(eq(newsletterSends.id, sends[index]!.id));
    }
    const live = new Set((await listLiveSends()).map((send) => send.id));
    expect(sends.map((send) => live.has(send.id))).toEqual([true, true, false, false]);
  });
});
