import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';

import { openOwnDatabase } from './helpers/own-database';
import { startSink } from './helpers/smtp-sink';

// The app's settings, set before lib/env.mjs is first read: a database and a queue schema of this
// file's own (its worker's sweep takes every live send, and other files' workers must not take its
// job) and a slow real SMTP server.
const database = await openOwnDatabase();
const sink = await startSink({ delayMs: 300 });
process.env.SMTP_URL = sink.url;
process.env.SMTP_POOL_CONNECTIONS = '5';
process.env.NEWSLETTER_SEND_PER_SECOND = '0';
process.env.JOB_QUEUE_SCHEMA = 'pgboss_delivery_stop';
const { closeDb, getDb } = await import('@/db');
const { enqueue, startQueue } = await import('@/lib/jobs/queue');
const { stopWorkers } = await import('@/lib/jobs/workers');
const { queueDelivery, startNewsletterDelivery } = await import('@/lib/newsletter/delivery/job');
const { deliveriesOf, seedSend, seedSubscribers } = await import('./helpers/newsletter-send');

afterAll(async () => {
  await sink.close();
  await closeDb();
  await database.drop();
});

const jobsOf = async (sendId: string) =>
  getDb().execute<{ state: string }>(sql`select state from pgboss_delivery_stop.job where name = 'newsletter-send' and data->>'sendId' = ${sendId}`);

describe('a send under way when the server stops', () => {
  it('ends at the start of the stop: the rows in flight finish, the rest go back uncharged, and the queue retries the job', async () => {
    // Started first, so its start-up sweep does not queue this send a job of its own.
    await startQueue();
    await startNewsletterDelivery();
    const people = await seedSubscribers(100);
    const send = await seedSend(people);
    await queueDelivery(send.id);
    while (sink.messages.length < 10) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sink.messages.every((message) => message.to.endsWith(people[0]!.email.split('@')[1]!))).toBe(true);

    // The real stop path, with the grace the app gives: 100 messages at 300 ms over 5 connections
    // would all go out inside it if the run waited for pg-boss to abort it.
    await stopWorkers(20_000);
    const rows = await deliveriesOf(send.id);
    expect(rows.filter((row) => row.status === 'sending')).toHaveLength(0);
    const queued = rows.filter((row) => row.status === 'queued');
    expect(queued.length).toBeGreaterThan(50);
    expect(queued.every((row) => row.attempts === 0 && row.claimedAt === null)).toBe(true);
    expect(rows.filter((row) => row.status === 'sent').length + queued.length).toBe(100);

    // No next run queued behind the stop (the failed job is the queue's to retry), and nothing
    // opens the queue again: a new job would need a new pg-boss connection.
    expect((await jobsOf(send.id)).map((job) => job.state)).toEqual(['retry']);
    await queueDelivery(send.id);
    await expect(enqueue('newsletter-send', { sendId: send.id })).rejects.toThrow(/The job queue is stopping/);
    expect(await jobsOf(send.id)).toHaveLength(1);
  });
});
