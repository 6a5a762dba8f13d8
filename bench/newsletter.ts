// Newsletter sending at 1,000 and 10,000 subscribers into a local SMTP sink (smtp-server, logging
// off, TCP_NODELAY), on a throwaway database (DATABASE_URL's PostgreSQL, or an embedded one). Each
// send runs in a process of its own (bench/newsletter-worker.ts, the app's worker as configured in
// production, with no rate limit), then the ceiling: the same message to the same sink from a bare
// pooled nodemailer loop with the same connections. Prints messages per second, time to finish,
// each sender's peak memory and the ratio to the ceiling (goal: at least 0.5).
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:newsletter
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';

import { SMTPServer } from 'smtp-server';

import { openBenchDatabase } from './server';

const SIZES = [1_000, 10_000];
const CONNECTIONS = Number(process.env.SMTP_POOL_CONNECTIONS ?? 5);

const database = await openBenchDatabase();
process.env.APP_SECRET ??= 'bench-secret-that-is-long-enough-for-validation';

let received = 0;
const sink = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, _session, callback) {
    stream.on('data', () => {});
    stream.on('end', () => {
      received += 1;
      callback();
    });
  },
});
sink.server.on('connection', (socket) => socket.setNoDelay(true));
await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
const smtpUrl = `smtp://127.0.0.1:${(sink.server.address() as AddressInfo).port}`;

type Run = { ms: number; peakRssMb: number };

function child<T = Run>(script: string, args: string[], hook = false): Promise<T> {
  const env = {
    ...process.env,
    SMTP_URL: smtpUrl,
    SMTP_POOL_CONNECTIONS: String(CONNECTIONS),
    NEWSLETTER_SEND_PER_SECOND: '0',
    NEWSLETTER_SEND_PER_HOUR: '0',
    NEWSLETTER_SEND_PER_DAY: '0',
  };
  const run = spawn(
    process.execPath,
    [path.resolve('node_modules/tsx/dist/cli.mjs'), ...(hook ? ['--import', './bench/server-only-hook.mjs'] : ['--conditions=react-server']), script, ...args],
    { env, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let output = '';
  run.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) =>
    run.on('exit', (code) => (code === 0 ? resolve(JSON.parse(output.trim().split('\n').at(-1)!)) : reject(new Error(`${script} exited with ${code}`)))),
  );
}

const line = (what: string, count: number, { ms, peakRssMb }: Run) =>
  `  ${what.padEnd(22)} ${count.toLocaleString('en-GB').padStart(6)} messages in ${(ms / 1000).toFixed(1).padStart(5)} s: ${((count * 1000) / ms).toFixed(0).padStart(4)} msg/s, peak RSS ${peakRssMb.toFixed(0)} MB`;

try {
  console.log(`Newsletter benchmark (${database.embedded ? 'embedded' : 'PostgreSQL'} database), ${CONNECTIONS} pooled connections, no rate limit:`);
  console.log(`  machine load average at start: ${loadavg()[0]!.toFixed(1)} (figures fall as it grows)`);
  const file = path.join(tmpdir(), `broadsheet-bench-message-${process.pid}.json`);
  let draftId: string | undefined;
  for (const size of SIZES) {
    // startSend renders with React Email, which the react-server condition cannot load.
    const setup = await child<{ sendId: string; draftId: string; startMs: number; recipients: number }>(
      'bench/newsletter-setup.ts',
      [String(size), file, ...(draftId ? [draftId] : [])],
      true,
    );
    draftId = setup.draftId;
    const before = received;
    const result = await child('bench/newsletter-worker.ts', [setup.sendId]);
    console.log(`${line('app worker', setup.recipients, result)}; sink got ${received - before}; startSend ${setup.startMs.toFixed(0)} ms (render once, copy the recipients)`);
    if (size === SIZES.at(-1)) {
      const ceiling = await child('bench/newsletter-ceiling.ts', [smtpUrl, String(size), String(CONNECTIONS), file]);
      console.log(line('bare nodemailer loop', size, ceiling));
      const html = (JSON.parse(readFileSync(file, 'utf8')) as { html: string }).html;
      console.log(`  ratio to the ceiling: ${(ceiling.ms / result.ms).toFixed(2)} (goal ≥ 0.5); the message has ${(Buffer.byteLength(html) / 1024).toFixed(0)} KB of HTML`);
    }
  }
} finally {
  sink.close();
  await database.drop();
}
