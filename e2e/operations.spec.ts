import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';

import { expect, test } from '@playwright/test';

import { signIn } from './helpers/newsroom';
import { clientAddress, seedPerson } from './helpers/sign-in';

// What an operator's load balancer and log collector see of the running server.

test.use({ storageState: { cookies: [], origins: [] } });

test('the health check answers 200 with what it checked, uncached, and the request id comes back', async ({ request }) => {
  const response = await request.get('/api/health', { headers: { 'X-Request-Id': 'lb-probe-1' } });
  expect(response.status()).toBe(200);
  expect(response.headers()['cache-control']).toBe('private, no-store');
  expect(response.headers()['content-type']).toMatch(/^application\/json/);
  expect(response.headers()['x-request-id']).toBe('lb-probe-1');
  expect(await response.json()).toEqual({ status: 'ok', checks: { database: 'ok', migrations: 'ok', queue: 'ok' } });
});

/** The server's log lines (serve.mjs copies its output to E2E_SERVER_LOG), parsed where they are JSON. */
function serverLog(): { raw: string; lines: Record<string, unknown>[] } {
  const raw = readFileSync(process.env.E2E_SERVER_LOG!, 'utf8');
  const lines = raw.split('\n').flatMap((line) => {
    try {
      return [JSON.parse(line) as Record<string, unknown>];
    } catch {
      return [];
    }
  });
  return { raw, lines };
}

test('a wrong password is one JSON line in the server log, with the request id and no stack trace', async ({ page }) => {
  const person = await seedPerson();
  // The tests play the reverse proxy: it names the request and the client.
  const requestId = `e2e-${randomUUID()}`;
  await page.setExtraHTTPHeaders({ 'x-request-id': requestId, 'x-forwarded-for': clientAddress() });
  await signIn(page, person.email, 'not the password');
  await expect(page.getByRole('status')).toHaveText('Wrong email or password.');

  await expect.poll(() => serverLog().lines.filter((line) => line.requestId === requestId).length).toBeGreaterThan(0);
  const { raw, lines } = serverLog();
  const ours = lines.filter((line) => line.requestId === requestId);
  expect(ours).toEqual([{ level: 'info', time: expect.any(String), pid: expect.any(Number), requestId, reason: 'CredentialsSignin', msg: 'sign-in refused' }]);
  const text = raw.split('\n').filter((line) => line.includes(requestId));
  expect(text).toHaveLength(1);
  expect(text[0]).not.toMatch(/\bat /);
  expect(text[0]).not.toContain(person.email);
  // Nor anywhere in the log, from any spec's failed sign-in: next-auth's own logger is replaced.
  expect(raw).not.toContain('[auth][error]');
  // Any stack trace, wherever it came from, with the lines before it: the message that began it.
  const rawLines = raw.split('\n');
  const traces = rawLines.flatMap((line, n) =>
    /^\s+at .+:\d+:\d+\)?$/.test(line) && !/^\s+at /.test(rawLines[n - 1] ?? '') ? [rawLines.slice(Math.max(0, n - 3), n + 1).join('\n')] : [],
  );
  expect(traces).toEqual([]);
});

test('a post naming a server action this build does not have is one line in the log, without a stack', async ({ request }) => {
  const cases = [
    { id: 'zzz', status: 400, reason: /^The Server Reference ID did not match the expected format/ },
    { id: 'ef'.repeat(21), status: 409, reason: /^Failed to find Server Action "(ef){21}"/ },
  ];
  for (const { id, status, reason } of cases) {
    const requestId = `e2e-${randomUUID()}`;
    const response = await request.post('/', { headers: { 'Content-Type': 'text/plain;charset=UTF-8', 'Next-Action': id, 'X-Request-Id': requestId }, data: '[]' });
    expect(response.status()).toBe(status);
    await expect.poll(() => serverLog().lines.filter((line) => line.requestId === requestId).length).toBeGreaterThan(0);
    const { raw, lines } = serverLog();
    const ours = lines.filter((line) => line.requestId === requestId);
    expect(ours).toEqual([{ level: 'info', time: expect.any(String), pid: expect.any(Number), requestId, reason: expect.stringMatching(reason), msg: 'server action refused' }]);
    // Next.js's own warning, which carries the stack, is not written.
    expect(raw).not.toContain(`Error: ${ours[0]!.reason}`);
  }
});
