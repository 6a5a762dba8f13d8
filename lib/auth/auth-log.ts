import 'server-only';

import { AuthError } from 'next-auth';

import { isDatabaseUnreachable } from '@/db';
import { log, reasonOf } from '@/lib/log';

// next-auth's own logger prints "[auth][error]" and a stack trace for every wrong password. Here a
// refusal a visitor caused is one info line, and only a failure on our side is an error.

/** Refusals a visitor's request causes (a wrong password, a stale form or cookie, a made-up address). */
const EXPECTED: Record<string, string> = {
  CredentialsSignin: 'sign-in refused',
  AccessDenied: 'sign-in refused',
  Verification: 'sign-in refused',
  MissingCSRF: 'auth request refused',
  InvalidCheck: 'auth request refused',
  UnknownAction: 'auth request refused',
  JWTSessionError: 'session cookie refused',
};

// Every next-auth message ends with a link to its documentation: noise in a log line.
const message = (error: Error) => error.message.replace(/\.? ?Read more at \S+/g, '');

/** What an AuthError wraps: the error our own code (authorize, a callback) threw. */
function causeOf(error: Error): unknown {
  const cause = error.cause;
  return cause && typeof cause === 'object' && 'err' in cause ? cause.err : cause;
}

function logError(error: Error): void {
  const reason = error instanceof AuthError ? error.type : error.name;
  const expected = EXPECTED[reason];
  if (expected) {
    // A CredentialsSignin's code says which refusal it was (e.g. "throttled:8"), never whose.
    const code = (error as { code?: unknown }).code;
    log.info({ reason, ...(typeof code === 'string' && code !== 'credentials' ? { code } : {}) }, expected);
    return;
  }
  const cause = causeOf(error);
  // An outage is not a bug: its message says all there is to know.
  if (isDatabaseUnreachable(cause)) {
    log.error({ reason, cause: reasonOf(cause) }, 'auth failed: the database cannot be reached');
    return;
  }
  // A throw inside our own sign-in code is a bug, logged with its stack; a configuration error of
  // next-auth's (a missing secret, an untrusted host) is said by its message alone.
  log.error(cause instanceof Error ? { reason, err: cause } : { reason, detail: message(error) }, `auth failed: ${message(error)}`);
}

/** next-auth's `logger` option (its debug lines stay off: they would log tokens). */
export const authLogger = {
  error: logError,
  warn: (code: string) => log.warn({ code }, 'next-auth warning'),
};
