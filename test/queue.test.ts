import { randomUUID } from 'node:crypto';

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { closeDb, getDb } from '@/db';
import { enqueue, JobQueue, PermanentJobFailure, type QueuedJob } from '@/lib/jobs/queue';

import { until } from './helpers/until';

// Two app servers: two connections to the job queue, each with its own workers, on one database.
// The queues live in a schema of this file's own, so no other test file's workers take its jobs.
// Any queue will do for the queue's own behaviour; these use 'newsletter-send', with quick retries.
const SCHEMA = `queue_test_${randomUUID().slice(0, 8)}`;
const QUICK = { 'newsletter-send': { retryLimit: 2, retryDelay: 1 } };
const POLL = { pollingIntervalSeconds: 0.5 };

type Run = { sendId: string; server: number; retryCount: number; at: number };
const runs: Run[] = [];
/** What the handler does for a send id (by default: nothing, successfully). */
const behaviour = new Map<string, (job: QueuedJob<'newsletter-send'>) => void>();
let servers: JobQueue[] = [];

const runsOf = (sendId: string) => runs.filter((run) => run.sendId === sendId);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  servers = [await JobQueue.open(SCHEMA, QUICK), await JobQueue.open(SCHEMA, QUICK)];
  for (const [index, server] of servers.entries()) {
    await server.work(
      'newsletter-send',
      async (job) => {
        runs.push({ sendId: job.data.sendId, server: index, retryCount: job.retryCount, at: Date.now() });
        behaviour.get(job.data.sendId)?.(job);
      },
      { ...POLL, localConcurrency: 2 },
    );
  }
});

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop(2_000)));
  await getDb().execute(sql.raw(`drop schema if exists "${SCHEMA}" cascade`));
  await closeDb();
});

describe('the job queue', () => {
  it('runs each of 50 jobs exactly once when two servers take jobs from it', async () => {
    const ids = Array.from({ length: 50 }, () => randomUUID());
    const jobIds = await Promise.all(ids.map((sendId, index) => servers[index % 2]!.enqueue('newsletter-send', { sendId })));
    const states = () => Promise.all(jobIds.map((id) => servers[0]!.stateOf('newsletter-send', id!)));
    await until(async () => (await states()).every((state) => state === 'completed'));
    // Long enough for a second run of any of them to show (they poll every half second).
    await sleep(2_000);
    expect(ids.map((id) => runsOf(id).length)).toEqual(ids.map(() => 1));
  });

  it('keeps a job queued with startAfter until its time', async () => {
    const sendId = randomUUID();
    const startAfter = new Date(Date.now() + 3_000);
    const id = await servers[0]!.enqueue('newsletter-send', { sendId }, { startAfter });
    await sleep(1_500);
    expect(runsOf(sendId)).toEqual([]);
    expect(await servers[1]!.stateOf('newsletter-send', id!)).toBe('created');
    await until(() => runsOf(sendId).length > 0);
    expect(runsOf(sendId)[0]!.at).toBeGreaterThanOrEqual(startAfter.getTime());
    await until(async () => (await servers[1]!.stateOf('newsletter-send', id!)) === 'completed');
  });

  it('never runs a cancelled job, nor one queued in a transaction that rolled back', async () => {
    const [cancelled, rolledBack] = [randomUUID(), randomUUID()];
    const id = await servers[0]!.enqueue('newsletter-send', { sendId: cancelled }, { startAfter: new Date(Date.now() + 1_000) });
    await servers[1]!.cancelJob('newsletter-send', id!);
    const inTransaction = randomUUID();
    await getDb()
      .transaction(async (tx) => {
        await servers[0]!.enqueue('newsletter-send', { sendId: rolledBack }, { id: inTransaction, tx });
        throw new Error('the schedule was refused');
      })
      .catch(() => {});
    await sleep(3_000);
    expect(runsOf(cancelled)).toEqual([]);
    expect(runsOf(rolledBack)).toEqual([]);
    expect(await servers[0]!.stateOf('newsletter-send', id!)).toBe('cancelled');
    expect(await servers[0]!.stateOf('newsletter-send', inTransaction)).toBeNull();
  });

  it('adds nothing when a job with the same id is queued again', async () => {
    const id = randomUUID();
    expect(await servers[0]!.enqueue('newsletter-send', { sendId: randomUUID() }, { id, startAfter: new Date(Date.now() + 60_000) })).toBe(id);
    expect(await servers[1]!.enqueue('newsletter-send', { sendId: randomUUID() }, { id })).toBeNull();
    await servers[0]!.cancelJob('newsletter-send', id);
  });

  it('retries a job whose handler throws, and completes it when a retry succeeds', async () => {
    const sendId = randomUUID();
    behaviour.set(sendId, (job) => {
      if (job.retryCount === 0) throw new Error('the SMTP server said 421, try later');
    });
    const id = await servers[0]!.enqueue('newsletter-send', { sendId });
    await until(async () => (await servers[0]!.stateOf('newsletter-send', id!)) === 'completed');
    expect(runsOf(sendId).map((run) => run.retryCount)).toEqual([0, 1]);
    // The first retry waits 1–2 s here (retryDelay 1, growing).
    expect(runsOf(sendId)[1]!.at - runsOf(sendId)[0]!.at).toBeGreaterThanOrEqual(900);
  });

  it('fails a job once its retries are spent, and at once on a PermanentJobFailure', async () => {
    const [flaky, hopeless] = [randomUUID(), randomUUID()];
    behaviour.set(flaky, () => {
      throw new Error('still down');
    });
    behaviour.set(hopeless, () => {
      throw new PermanentJobFailure('no such send');
    });
    const ids = [await servers[0]!.enqueue('newsletter-send', { sendId: flaky }), await servers[1]!.enqueue('newsletter-send', { sendId: hopeless })];
    await until(async () => (await Promise.all(ids.map((id) => servers[0]!.stateOf('newsletter-send', id!)))).every((state) => state === 'failed'));
    expect(runsOf(flaky).map((run) => run.retryCount)).toEqual([0, 1, 2]);
    expect(runsOf(flaky).every((run) => run.retryCount <= QUICK['newsletter-send'].retryLimit)).toBe(true);
    expect(runsOf(hopeless)).toHaveLength(1);
  });

  it('refuses to join a transaction before the process has started its queue (on the embedded database that start would wait for the transaction)', async () => {
    const refused = getDb().transaction((tx) => enqueue('newsletter-send', { sendId: randomUUID() }, { tx }));
    await expect(refused).rejects.toThrow(/must be started \(startQueue\) before a job is queued or cancelled inside a transaction/);
  });

  it('refuses a payload that does not match its queue', async () => {
    await expect(servers[0]!.enqueue('newsletter-send', { sendId: 'not-a-uuid' })).rejects.toThrow();
  });
});

describe('recurring jobs', () => {
  it('run once per occurrence across all servers', { timeout: 150_000 }, async () => {
    const ran: string[] = [];
    for (const server of servers) {
      await server.work(
        'cleanup',
        async (job) => {
          ran.push(job.id);
        },
        POLL,
      );
      // Both servers register the schedule, as both do at start.
      await server.scheduleRecurring('cleanup', '* * * * *', {});
    }
    // The next minute's occurrence, found by one server's cron pass (every 30 s), then run.
    await until(() => ran.length > 0, 120_000);
    await sleep(3_000);
    // An occurrence is turned into its job within its own minute, so one job per minute is one per occurrence.
    const [row] = await getDb().execute<{ jobs: number; minutes: number }>(
      sql.raw(`select count(*)::int as jobs, count(distinct date_trunc('minute', created_on))::int as minutes from "${SCHEMA}".job where name = 'cleanup'`),
    );
    expect(row).toEqual({ jobs: ran.length, minutes: ran.length });
    expect(new Set(ran).size).toBe(ran.length);
  });
});
