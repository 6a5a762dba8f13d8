import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { closeDb } from '@/db';

import { deliveriesOf, deliveryCounts, seedSend, seedSubscribers } from './helpers/newsletter-send';
import { startSink } from './helpers/smtp-sink';

afterAll(closeDb);

const CONNECTIONS = 5;
const root = path.resolve(import.meta.dirname, '..');

/** A worker process, loaded and waiting for `go()`. */
async function worker(sendId: string, url: string, { lease = 120, perSecond = 0 } = {}) {
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    [path.join(root, 'node_modules/tsx/dist/cli.mjs'), '--conditions=react-server', 'test/helpers/delivery-worker.ts', sendId, url, String(lease), String(perSecond)],
    { cwd: root, env: process.env },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  const exited = once(child, 'exit');
  while (!output.includes('ready')) {
    if (child.exitCode !== null) throw new Error(`The worker exited early: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return {
    child,
    go: () => child.stdin.write('go\n'),
    /** Messages the server accepted from it, once it has finished. */
    finished: async () => {
      const [code] = await exited;
      expect(code).toBe(0);
      return (JSON.parse(output.trim().split('\n').at(-1)!) as { accepted: number }).accepted;
    },
  };
}

describe('newsletter workers in processes of their own', () => {
  it('delivers the rest after a worker is killed mid-send, with no more duplicates than messages in flight', async () => {
    const sink = await startSink({ delayMs: 5 });
    const people = await seedSubscribers(300);
    const send = await seedSend(people);
    const first = await worker(send.id, sink.url, { lease: 3 });
    first.go();
    while (sink.messages.length < 100) await new Promise((resolve) => setTimeout(resolve, 5));
    first.child.kill('SIGKILL');
    await once(first.child, 'exit');
    const left = await deliveryCounts(send.id);
    expect(left.queued ?? 0).toBeGreaterThan(0);

    const second = await worker(send.id, sink.url, { lease: 3 });
    second.go();
    await second.finished();
    // The killed worker's last answers may still arrive at the sink after it died.
    await new Promise((resolve) => setTimeout(resolve, 100));
    await sink.close();

    const counts = sink.counts();
    for (const person of people) expect(counts.get(person.email) ?? 0, person.email).toBeGreaterThanOrEqual(1);
    const duplicates = [...counts.values()].reduce((sum, count) => sum + count - 1, 0);
    expect(duplicates, `duplicates: ${duplicates}`).toBeLessThanOrEqual(CONNECTIONS);
    expect(await deliveryCounts(send.id)).toEqual({ sent: 300 });
  });

  it('two processes on one database deliver each message exactly once, under one shared rate limit', async () => {
    const sink = await startSink({ delayMs: 2 });
    const people = await seedSubscribers(300);
    const send = await seedSend(people);
    const workers = await Promise.all([worker(send.id, sink.url, { perSecond: 60 }), worker(send.id, sink.url, { perSecond: 60 })]);
    for (const each of workers) each.go();
    const accepted = await Promise.all(workers.map((each) => each.finished()));
    await sink.close();

    const counts = sink.counts();
    expect(counts.size).toBe(300);
    for (const person of people) expect(counts.get(person.email), person.email).toBe(1);
    expect(accepted[0]! + accepted[1]!).toBe(300);
    expect(accepted[0]).toBeGreaterThan(0);
    expect(accepted[1]).toBeGreaterThan(0);
    const claims = (await deliveriesOf(send.id)).map((row) => row.claimedAt!.getTime());
    for (const start of claims) expect(claims.filter((at) => at >= start && at < start + 1000).length).toBeLessThanOrEqual(60);
  });
});
