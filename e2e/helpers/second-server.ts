import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * Another `next start` of the same build on this run's database and SMTP sink, with settings of
 * its own (e.g. no trusted proxy), on `port` or a free port it reports itself. Stopped by `stop()`.
 */
export async function startSecondServer(settings: Record<string, string>, port = 0): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-H', '127.0.0.1', '-p', String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_URL: readFileSync(process.env.E2E_DB_URL_FILE!, 'utf8'),
      ...(process.env.DATABASE_URL ? {} : { DATABASE_EMBEDDED: '1' }),
      SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT ?? 2525}`,
      APP_SECRET: process.env.E2E_APP_SECRET!,
      AUTH_TRUST_HOST: 'true',
      ...settings,
    },
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`next start did not report its address:\n${output}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const address = output.match(/Local:\s+(http:\/\/127\.0\.0\.1:\d+)/)?.[1];
      if (address && /Ready in/.test(output)) {
        clearTimeout(timer);
        resolve(address);
      }
    });
    child.once('exit', (code) => reject(new Error(`next start exited (${code}):\n${output}`)));
  }).catch(async (error) => {
    await stop();
    throw error;
  });
  return { url, stop };
}
