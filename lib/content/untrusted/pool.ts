import { createHash } from 'node:crypto';
import path from 'node:path';
import { MessageChannel } from 'node:worker_threads';

import Piscina from 'piscina';

import { log } from '@/lib/log';

import { env } from '../../env.mjs';
import type { UntrustedMdxResult } from './result';
import type { UntrustedMdxTask } from './task';

// Parsing a hostile body can take minutes of CPU (see precheck.ts), so untrusted MDX is never read
// on the server's main thread: it goes to a worker thread with a time limit and a memory limit,
// and a worker that overruns either is terminated and replaced. Drafts and readers each have their
// own lane, so a reader's first view of a published article never queues behind an editor's draft.

export type Lane = 'drafts' | 'readers';

// Far above what any body takes to start (a healthy queue drains within a few time limits).
const QUEUE_WAIT_MS = 10_000;
const QUEUE_LIMIT = 16;

const pools = new Map<Lane, Piscina<UntrustedMdxTask, UntrustedMdxResult>>();

// A body that overran a limit is answered from memory for a while: saving it after its preview,
// or sending it again, costs no second time-out (nor another worker replaced).
const VERDICT_MS = 10 * 60_000;
const VERDICTS_KEPT = 200;
const overran = new Map<string, { result: UntrustedMdxResult; until: number }>();

function remember(key: string, result: UntrustedMdxResult) {
  if (overran.size >= VERDICTS_KEPT) overran.delete(overran.keys().next().value ?? '');
  overran.set(key, { result, until: Date.now() + VERDICT_MS });
}

function recalled(key: string): UntrustedMdxResult | undefined {
  const verdict = overran.get(key);
  if (verdict && verdict.until < Date.now()) overran.delete(key);
  return verdict && verdict.until >= Date.now() ? verdict.result : undefined;
}

function poolFor(lane: Lane) {
  let pool = pools.get(lane);
  if (!pool) {
    pool = new Piscina({
      // Resolved at run time, not bundled: see worker.mjs.
      filename: path.join(process.cwd(), 'lib', 'content', 'untrusted', 'worker.mjs'),
      // Drafts keep two threads warm, so one editor's body running into its time limit (and the
      // replacement of its thread) holds up nobody else; readers' rarely needed one idles out.
      maxThreads: lane === 'drafts' ? 2 : 1,
      minThreads: lane === 'drafts' ? 2 : 0,
      idleTimeout: 60_000,
      maxQueue: QUEUE_LIMIT,
      // Below the main thread's CPU priority (Linux; through piscina's optional @napi-rs/nice), so
      // when a core is contended, readers' requests go first.
      niceIncrement: 5,
      resourceLimits: { maxOldGenerationSizeMb: env.MDX_WORKER_MEMORY_MB, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
    });
    pools.set(lane, pool);
  }
  return pool;
}

const seconds = (ms: number) => `${(ms / 1000).toLocaleString('en-GB')} second${ms === 1000 ? '' : 's'}`;
const tooComplex = (reason: string): UntrustedMdxResult => ({ ok: false, kind: 'too-complex', reason });
const unavailable = (reason: string): UntrustedMdxResult => ({ ok: false, kind: 'unavailable', reason });
const BUSY = 'The newsroom is rendering many drafts right now. Try again in a moment; your text is still in the form.';

export type RunOptions = { lane?: Lane; label?: string };

/**
 * Checks and compiles untrusted MDX in a worker, in one round trip. Never throws for anything the
 * body does: a time-out, running out of memory or a full queue come back as results. Nothing else
 * aborts a body: piscina terminates the thread of an aborted running task, so superseding is done
 * per person before the pool (lib/drafts/preview-turns.ts).
 */
export async function runUntrustedMdx(source: string, { lane = 'drafts', label = 'the draft' }: RunOptions = {}): Promise<UntrustedMdxResult> {
  const key = createHash('sha256').update(source).digest('hex');
  const known = recalled(key);
  if (known) return known;
  const limit = new AbortController();
  const { port1, port2 } = new MessageChannel();
  const waiting = setTimeout(() => limit.abort(unavailable(BUSY)), QUEUE_WAIT_MS);
  let clock: ReturnType<typeof setTimeout> | undefined;
  let settled = false;
  // The time limit counts from the moment the worker starts on this body, not while it waits its turn.
  port1.once('message', () => {
    if (settled) return;
    clearTimeout(waiting);
    clock = setTimeout(() => limit.abort(tooComplex(`it took longer than ${seconds(env.MDX_WORKER_TIME_LIMIT_MS)} to read.`)), env.MDX_WORKER_TIME_LIMIT_MS);
  });
  try {
    return await poolFor(lane).run(
      { source, label, started: port2 },
      { transferList: [port2], signal: limit.signal },
    );
  } catch (error) {
    if (limit.signal.aborted) {
      const result = limit.signal.reason as UntrustedMdxResult;
      if (!result.ok && result.kind === 'too-complex') remember(key, result);
      return result;
    }
    if ((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') {
      const result = tooComplex(`it needed more than ${env.MDX_WORKER_MEMORY_MB} MB of memory to read.`);
      remember(key, result);
      return result;
    }
    if (error instanceof Error && error.message === 'Task queue is at limit') return unavailable(BUSY);
    log.error({ err: error }, 'The untrusted-MDX worker failed');
    return tooComplex('the worker reading it stopped.');
  } finally {
    settled = true;
    clearTimeout(clock);
    clearTimeout(waiting);
    port1.close();
  }
}

/** Starts the drafts lane's threads now (at server start), so the first preview does not wait for them. */
export function warmUntrustedMdx(): void {
  poolFor('drafts');
}

/** The worker threads of each lane that has started, and the bodies waiting: for tests and logs. */
export function untrustedMdxThreads(): Record<string, { threadIds: number[]; queued: number }> {
  return Object.fromEntries([...pools].map(([lane, pool]) => [lane, { threadIds: pool.threads.map((thread) => thread.threadId), queued: pool.queueSize }]));
}
