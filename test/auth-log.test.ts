import { CredentialsSignin } from 'next-auth';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { authLogger } from '@/lib/auth/auth-log';
import { LoginThrottled } from '@/lib/auth/sign-in';

// What next-auth's errors become in the server log (lib/log.ts writes to standard output).

/** The lines `fn` logs, parsed. */
function linesOf(fn: () => void): Record<string, unknown>[] {
  const written: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(chunk.toString());
    return true;
  });
  try {
    fn();
  } finally {
    spy.mockRestore();
  }
  return written
    .join('')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** An error of next-auth's own kind, as its core raises them (the class is not exported by next-auth). */
function authError(type: string, message: string, cause?: unknown) {
  const error = Object.assign(new CredentialsSignin(message, cause === undefined ? undefined : { cause: { err: cause } }), { type });
  return error;
}

afterEach(() => vi.restoreAllMocks());

describe("next-auth's log lines", () => {
  it('a wrong password, or a throttled one, is one info line with the reason and no stack', () => {
    const lines = linesOf(() => {
      authLogger.error(new CredentialsSignin());
      authLogger.error(new LoginThrottled(8));
    });
    expect(lines).toEqual([
      expect.objectContaining({ level: 'info', msg: 'sign-in refused', reason: 'CredentialsSignin' }),
      expect.objectContaining({ level: 'info', msg: 'sign-in refused', reason: 'CredentialsSignin', code: 'throttled:8' }),
    ]);
    expect(JSON.stringify(lines)).not.toMatch(/stack|\bat /);
  });

  it('a stale form or cookie is a refusal too', () => {
    const lines = linesOf(() => {
      authLogger.error(authError('MissingCSRF', 'CSRF token was missing during an action signin'));
      authLogger.error(authError('JWTSessionError', 'Invalid Compact JWE'));
    });
    expect(lines.map((line) => [line.level, line.msg, line.reason])).toEqual([
      ['info', 'auth request refused', 'MissingCSRF'],
      ['info', 'session cookie refused', 'JWTSessionError'],
    ]);
  });

  it('a throw in our own sign-in code is an error with its stack; an outage or a configuration error, its message alone', () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'id')");
    const outage = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const [ours, away, config] = linesOf(() => {
      authLogger.error(authError('CallbackRouteError', 'Read more at https://errors.authjs.dev#callbackrouteerror', bug));
      authLogger.error(authError('CallbackRouteError', 'Read more at https://errors.authjs.dev#callbackrouteerror', outage));
      authLogger.error(authError('MissingSecret', 'Please define a `secret`. Read more at https://errors.authjs.dev#missingsecret'));
    });
    expect(ours).toMatchObject({ level: 'error', reason: 'CallbackRouteError', err: { type: 'TypeError', message: bug.message } });
    expect((ours!.err as { stack: string }).stack).toMatch(/\n\s+at /);
    expect(away).toMatchObject({ level: 'error', reason: 'CallbackRouteError', cause: 'connect ECONNREFUSED 127.0.0.1:5432', msg: 'auth failed: the database cannot be reached' });
    expect(config).toMatchObject({ level: 'error', reason: 'MissingSecret', msg: 'auth failed: Please define a `secret`' });
    expect(JSON.stringify([away, config])).not.toMatch(/stack|\bat /);
  });
});
