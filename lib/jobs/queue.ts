import 'server-only';

import type { JobWithMetadata, QueueOptions } from 'pg-boss';
import { z } from 'zod';

import { isDatabaseUnreachable } from '@/db';
import type { Transaction } from '@/db/queries/publishing';
import { connectQueue, inTransaction, type PgBoss } from '@/db/queue';
import { log, reasonOf } from '@/lib/log';

import { type EnqueueOptions, type JobData, PermanentJobFailure, type QueuedJob, type QueueName, QUEUES, type WorkOptions } from './queues';

// All background work goes through one durable queue in the database (pg-boss): a job is stored when
// it is queued, taken by exactly one worker of whichever app server polls first, retried with growing
// delays when its handler throws, and taken over by another server when its own stops answering.

export { type EnqueueOptions, type JobData, PermanentJobFailure, type QueuedJob, type QueueName, type WorkOptions } from './queues';

type Handler<N extends QueueName> = (job: QueuedJob<N>) => Promise<unknown>;

const within = (tx?: Transaction) => (tx ? { db: inTransaction(tx) } : {});

/** One connection to the queue: an app server has one (below); tests open several, as several servers would. */
export class JobQueue {
  private constructor(private readonly boss: PgBoss) {}

  /**
   * Starts a connection (migrating pg-boss's tables when they are new) and creates the queues.
   * `schema` and `settings` are for tests: a schema of their own, and quicker retries.
   */
  static async open(schema?: string, settings: Partial<Record<QueueName, QueueOptions>> = {}): Promise<JobQueue> {
    const boss = connectQueue(schema);
    // While the database is away pg-boss reports every failed poll: the outage, not a bug, so no stack.
    boss.on('error', (error) =>
      isDatabaseUnreachable(error)
        ? log.warn({ reason: reasonOf(error) }, 'The job queue cannot reach the database')
        : log.error({ err: error }, 'The job queue reported an error'),
    );
    await boss.start();
    for (const [name, { options }] of Object.entries(QUEUES)) {
      const chosen = { ...options, ...settings[name as QueueName] };
      await boss.createQueue(name, chosen);
      // A queue created by an earlier version keeps its settings unless told the new ones.
      await boss.updateQueue(name, chosen);
    }
    return new JobQueue(boss);
  }

  /** Queues a job; its id, or null when a job with the same `id` already exists. */
  async enqueue<N extends QueueName>(name: N, data: JobData<N>, options: EnqueueOptions = {}): Promise<string | null> {
    const { tx, ...rest } = options;
    return this.boss.send(name, QUEUES[name].data.parse(data), { ...rest, ...within(tx) });
  }

  /** Cancels queued jobs (inside `tx` when given); a job already running is not stopped. */
  async cancelJob(name: QueueName, ids: string | string[], options: { tx?: Transaction } = {}): Promise<void> {
    if (ids.length === 0) return;
    await this.boss.cancel(name, ids, within(options.tx));
  }

  /** Runs a recurring job on a cron expression (UTC), once per occurrence across all app servers. */
  async scheduleRecurring<N extends QueueName>(name: N, cron: string, data: JobData<N>): Promise<void> {
    await this.boss.schedule(name, cron, QUEUES[name].data.parse(data), { tz: 'UTC' });
  }

  /**
   * Runs `handler` for each job of the queue on this server. Returning completes the job (what it
   * returns is stored as the job's output); throwing retries it later, until its retries are spent;
   * throwing PermanentJobFailure, or a payload that does not parse, fails it at once.
   */
  async work<N extends QueueName>(name: N, handler: Handler<N>, options: WorkOptions = {}): Promise<string> {
    const settings = { ...options, batchSize: 1, includeMetadata: true, perJobResults: true } as const;
    return this.boss.work(name, settings, async (jobs: JobWithMetadata<unknown>[]) => Promise.all(jobs.map((job) => runOne(name, handler, job))));
  }

  /** The state of a job ('created', 'active', 'completed', 'cancelled', 'failed', …), or null if there is none. */
  async stateOf(name: QueueName, id: string): Promise<string | null> {
    return (await this.boss.findJobs(name, { id }))[0]?.state ?? null;
  }

  /** Takes no new job, lets running ones finish for up to `timeoutMs`, then closes the connections. */
  async stop(timeoutMs = 20_000): Promise<void> {
    await this.boss.stop({ graceful: true, timeout: timeoutMs, close: true });
  }
}

async function runOne<N extends QueueName>(name: N, handler: Handler<N>, job: JobWithMetadata<unknown>) {
  const data = QUEUES[name].data.safeParse(job.data);
  if (!data.success) return { id: job.id, status: 'deadletter' as const, output: { message: `Malformed payload: ${z.prettifyError(data.error)}` } };
  try {
    const { retryCount, retryLimit, signal } = job;
    const output = await handler({ id: job.id, data: data.data as JobData<N>, retryCount, retryLimit, signal });
    return { id: job.id, status: 'completed' as const, output: output ?? undefined };
  } catch (error) {
    if (error instanceof PermanentJobFailure) return { id: job.id, status: 'deadletter' as const, output: { message: error.message } };
    throw error;
  }
}

// The process's own connection, on globalThis: instrumentation (which starts the workers) and the
// request handlers (which queue jobs) are separate bundles of this module, and share it.
const QUEUE = Symbol.for('broadsheet.queue');
const STOPPING = Symbol.for('broadsheet.queue.stopping');
const holder = globalThis as { [QUEUE]?: { opening: Promise<JobQueue>; open?: JobQueue }; [STOPPING]?: AbortController };

/**
 * Aborted the moment this process's queue begins to stop, before pg-boss's grace period: a job that
 * can end early (a newsletter run) does so, rather than when pg-boss gives up on it, and from then on
 * nothing opens the queue again.
 */
export const stoppingSignal = (): AbortSignal => (holder[STOPPING] ??= new AbortController()).signal;

function shared(): Promise<JobQueue> {
  if (stoppingSignal().aborted) return Promise.reject(new Error('The job queue is stopping: this server queues no more jobs.'));
  if (!holder[QUEUE]) {
    const entry: { opening: Promise<JobQueue>; open?: JobQueue } = {
      opening: JobQueue.open().then(
        (queue) => (entry.open = queue),
        (error: unknown) => {
          holder[QUEUE] = undefined;
          throw error;
        },
      ),
    };
    holder[QUEUE] = entry;
  }
  return holder[QUEUE].opening;
}

/**
 * The queue to use inside a transaction: it must have started before the transaction did, since on
 * the embedded database (one session for all connections) its start would wait for that transaction.
 */
function startedFor(tx: Transaction | undefined): Promise<JobQueue> {
  if (!tx) return shared();
  const started = holder[QUEUE]?.open;
  if (!started) throw new Error('The job queue must be started (startQueue) before a job is queued or cancelled inside a transaction.');
  return Promise.resolve(started);
}

/** Starts this process's queue now rather than on first use. */
export const startQueue = async (): Promise<void> => void (await shared());

/**
 * Stops this process's queue for good (see JobQueue.stop and stoppingSignal); a job still running then
 * is retried elsewhere once it expires. `final: false` only closes it, for a start that failed half way.
 */
export async function stopQueue(timeoutMs?: number, { final = true } = {}): Promise<void> {
  if (final) (holder[STOPPING] ??= new AbortController()).abort();
  const entry = holder[QUEUE];
  holder[QUEUE] = undefined;
  if (entry) await (await entry.opening).stop(timeoutMs);
}

export const enqueue = async <N extends QueueName>(name: N, data: JobData<N>, options?: EnqueueOptions) => (await startedFor(options?.tx)).enqueue(name, data, options);
export const cancelJob = async (name: QueueName, ids: string | string[], options?: { tx?: Transaction }) => (await startedFor(options?.tx)).cancelJob(name, ids, options);
export const scheduleRecurring = async <N extends QueueName>(name: N, cron: string, data: JobData<N>) => (await shared()).scheduleRecurring(name, cron, data);
export const work = async <N extends QueueName>(name: N, handler: Handler<N>, options?: WorkOptions) => (await shared()).work(name, handler, options);
export const jobState = async (name: QueueName, id: string) => (await shared()).stateOf(name, id);
