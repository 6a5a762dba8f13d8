import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Starts `next start` on a loopback port for a benchmark; the build must exist. */
export async function startServer(port: number): Promise<{ url: string; stop: () => void }> {
  if (!existsSync('.next/BUILD_ID')) throw new Error('No production build: run `npm run build` first.');
  const child: ChildProcess = spawn('npx', ['next', 'start', '-H', '127.0.0.1', '-p', String(port)], {
    stdio: 'ignore',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const ok = await fetch(url).then(async (response) => (await response.text(), response.ok), () => false);
    if (ok) return { url, stop: () => process.kill(-child.pid!, 'SIGTERM') };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  process.kill(-child.pid!, 'SIGTERM');
  throw new Error(`next start did not answer on ${url} within 60 s`);
}

export const chromiumOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};
