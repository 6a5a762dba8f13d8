import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { openOwnDatabase } from './helpers/own-database';
import { startSink } from './helpers/smtp-sink';

// Servers in processes of their own on a database and a queue schema of this file's own, sending
// through a slow real SMTP server, stopped by SIGTERM mid-send as a deploy would.
const database = await openOwnDatabase();
const sink = await startSink({ delayMs: 60 });
const settings = {
  ...process.env,
  SMTP_URL: sink.url,
  SMTP_POOL_CONNECTIONS: '5',
  NEWSLETTER_SEND_PER_SECOND: '0',
  JOB_QUEUE_SCHEMA: 'pgboss_shutdown',
  // Nothing listens there: the workers' calls to their own Next.js server fail quietly.
  PORT: '9',
};
const { closeDb } = await import('@/db');
const { STOP_BOUND_MS } = await import('@/lib/shutdown');
const { deliveryCounts, seedSend, seedSubscribers } = await import('./helpers/newsletter-send');

afterAll(async () => {
  await sink.close();
  await closeDb();
  await database.drop();
});

const root = path.resolve(import.meta.dirname, '..');

/** An app server, started and listening. */
async function appServer() {
  // tsx as a loader, not its CLI: the CLI is a second process that answers a signal with its own exit code.
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'test/helpers/app-server.ts'], {
    cwd: root,
    env: settings,
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  const exited = once(child, 'exit') as Promise<[number | null, string | null]>;
  let port: number | undefined;
  while (!port) {
    if (child.exitCode !== null) throw new Error(`The server exited early: ${output}`);
    port = output.match(/\{"port":(\d+)\}/)?.[1] ? Number(output.match(/\{"port":(\d+)\}/)![1]) : undefined;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { child, port, exited, output: () => output };
}

// On the embedded database every file shares one database, where these servers' start-up sweeps would
// take other files' sends.
describe.skipIf(!!process.env.DATABASE_EMBEDDED)('a server stopped mid-send', () => {
  it('finishes its requests, exits 0 in bounded time, and after a restart every recipient has exactly one message', async () => {
    const people = await seedSubscribers(150);
    const send = await seedSend(people);
    // Its start-up sweep finds the send and starts it.
    const first = await appServer();
    while (sink.messages.length < 20) await new Promise((resolve) => setTimeout(resolve, 20));

    const inFlight = fetch(`http://127.0.0.1:${first.port}/?ms=1500`).then((response) => response.text());
    await new Promise((resolve) => setTimeout(resolve, 100));
    const stoppedAt = Date.now();
    first.child.kill('SIGTERM');
    // A second signal (systemd's, after the wrapper's) changes nothing.
    first.child.kill('SIGTERM');
    const [code, signal] = await first.exited;
    const took = Date.now() - stoppedAt;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(took).toBeLessThan(STOP_BOUND_MS);
    expect(await inFlight).toBe('answered');
    await expect(fetch(`http://127.0.0.1:${first.port}/`)).rejects.toThrow();
    const left = await deliveryCounts(send.id);
    expect(left.sending ?? 0).toBe(0);
    expect(left.queued ?? 0).toBeGreaterThan(0);
    expect(first.output()).toMatch(/"msg":"Stopped\."/);

    const second = await appServer();
    await expect.poll(() => deliveryCounts(send.id), { timeout: 60_000, interval: 200 }).toEqual({ sent: 150 });
    second.child.kill('SIGTERM');
    expect((await second.exited)[0]).toBe(0);

    const counts = sink.counts();
    for (const person of people) expect(counts.get(person.email), person.email).toBe(1);
  });
});
