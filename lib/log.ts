import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage, ServerResponse } from 'node:http';

import pino, { type DestinationStream, type Logger } from 'pino';

import { env } from './env.mjs';

// The one logger of the server: one JSON object per line on standard output (a process manager or
// journald collects it), in development too, where the same lines stay short enough to read. Lines
// written while a request is handled carry its id, so one request's lines can be found together.

/** The header a reverse proxy sets (nginx: `proxy_set_header X-Request-Id $request_id`); generated when absent. */
export const REQUEST_ID_HEADER = 'x-request-id';
// Anything else a client sends under that name is replaced: it is written into every log line.
const REQUEST_ID = /^[\w.:-]{1,128}$/;

const REDACTED = '[redacted]';
// Field names whose values are never written, at the top of a line or one or two levels down:
// nodemailer's `auth.pass`, a sign-in mail's `signInCode`, `link` and `linkUrl` among them. Not `code`,
// which is an error's or an SMTP server's code in every line that has one.
const SECRET_FIELDS = [
  'password',
  'passwordHash',
  'pass',
  'token',
  'secret',
  'cookie',
  'authorization',
  'signInCode',
  'link',
  'linkUrl',
  'databaseUrl',
  'DATABASE_URL',
  'SMTP_URL',
  'APP_SECRET',
];
const REDACT_PATHS = SECRET_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]);

/** Removes the password from any `scheme://user:password@host` address in `text` (a driver's error may quote its URL). */
export function withoutCredentials(text: string): string {
  return text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^/\s:@]*):[^@\s/]*@/gi, `$1:${REDACTED}@`);
}

type ErrorFields = { type: string; message: string; code?: string; stack?: string; cause?: ErrorFields };

/** Drops the parameters drizzle quotes after a failed query: they may be a password hash, a token or an address. */
const withoutParameters = (text: string) => text.replace(/\nparams: .*/g, `\nparams: ${REDACTED}`);
const clean = (text: string) => withoutParameters(withoutCredentials(text));

/**
 * What an error logs as: its name, message, code and stack (without credentials or query
 * parameters), and its cause. Only these: a driver's error also carries the query's parameters.
 * pg-boss reports some errors as plain objects copied from one, so those count too.
 */
function serializeError(error: unknown, depth = 0): ErrorFields {
  if (typeof error !== 'object' || error === null || typeof (error as { message?: unknown }).message !== 'string') {
    return { type: typeof error, message: clean(String(error)) };
  }
  const { name, message, code, stack, cause } = error as { name?: unknown; message: string; code?: unknown; stack?: unknown; cause?: unknown };
  return {
    type: typeof name === 'string' ? name : 'Error',
    message: clean(message),
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof stack === 'string' ? { stack: clean(stack) } : {}),
    ...(cause !== undefined && depth < 3 ? { cause: serializeError(cause, depth + 1) } : {}),
  };
}

/**
 * The message of what `error` wraps at its root (drizzle's "Failed query: …" wraps the driver's
 * "connection refused"), without credentials or parameters: a line's `reason` for an expected
 * failure such as an outage, where a stack would be noise.
 */
export function reasonOf(error: unknown): string {
  let root = error;
  for (let depth = 0; depth < 5 && typeof root === 'object' && root !== null && (root as { cause?: unknown }).cause !== undefined; depth++)
    root = (root as { cause?: unknown }).cause;
  const message = typeof root === 'object' && root !== null && typeof (root as { message?: unknown }).message === 'string' ? (root as { message: string }).message : String(root);
  return clean(message);
}

// On globalThis because instrumentation (which sees the requests arrive) and the route bundles (which
// log while handling them) are separate copies of this module.
const CONTEXT = Symbol.for('broadsheet.request-context');
const LOGGER = Symbol.for('broadsheet.logger');
const shared = globalThis as { [CONTEXT]?: AsyncLocalStorage<{ requestId: string }>; [LOGGER]?: Logger };
const context = (shared[CONTEXT] ??= new AsyncLocalStorage());

/**
 * A logger writing to `destination`; `log` below is the app's, on standard output (written
 * synchronously to a file, pipe or terminal on Linux, so no line is lost when the process exits).
 */
export function createLogger(destination: DestinationStream = process.stdout, level: string = env.LOG_LEVEL): Logger {
  return pino(
    {
      level,
      base: env.NODE_ENV === 'production' ? { pid: process.pid } : undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: (error: unknown) => serializeError(error) },
      redact: { paths: REDACT_PATHS, censor: REDACTED },
      mixin: () => {
        const requestId = context.getStore()?.requestId;
        return requestId ? { requestId } : {};
      },
      hooks: {
        // A message may quote an address with its password (a connection string in an error text).
        logMethod(args, method) {
          method.apply(this, args.map((arg) => (typeof arg === 'string' ? withoutCredentials(arg) : arg)) as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}

/** The app's logger: `log.info('…')`, `log.error({ err }, '…')`. */
export const log: Logger = (shared[LOGGER] ??= createLogger());

const TRACKING = Symbol.for('broadsheet.request-ids');
const flags = globalThis as { [TRACKING]?: true };

/**
 * Gives every request this process's HTTP servers receive an id: the proxy's `X-Request-Id`, or a new
 * one. It is written back into the request's headers (route handlers and actions read it with
 * `headers()`), sent back in the response's, and added to every line logged while the request is
 * handled. Node's `http.server.request.start` channel fires just before the server's 'request' event,
 * in the same turn, so the context entered here is the one the request is handled in.
 */
export function trackRequestIds(): void {
  if (flags[TRACKING]) return;
  subscribe('http.server.request.start', (message) => {
    const { request, response } = message as { request: IncomingMessage; response: ServerResponse };
    const incoming = request.headers[REQUEST_ID_HEADER];
    const requestId = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    request.headers[REQUEST_ID_HEADER] = requestId;
    response.setHeader('X-Request-Id', requestId);
    context.enterWith({ requestId });
  });
  flags[TRACKING] = true;
}

// Next.js warns with the whole stack when a post names a server action this build does not have (a
// page from an older deployment, a crawler, a fuzzer): an expected refusal, answered 400 or 409, so
// it is logged at info, like a refused sign-in.
const UNRECOGNIZED_ACTION = /^(Failed to find Server Action|The Server Reference ID did not match the expected format|Invalid Server Actions request)/;
const QUIETED = Symbol.for('broadsheet.unrecognized-actions');
const quieted = globalThis as { [QUIETED]?: true };

/** Turns Next.js's warning for an unrecognized server action into one line without a stack. */
export function quietUnrecognizedActions(): void {
  if (quieted[QUIETED]) return;
  const warn = console.warn.bind(console);
  console.warn = (...args: unknown[]) => {
    const [first] = args;
    if (args.length === 1 && first instanceof Error && UNRECOGNIZED_ACTION.test(first.message)) {
      log.info({ reason: first.message.split('\n')[0] }, 'server action refused');
      return;
    }
    warn(...args);
  };
  quieted[QUIETED] = true;
}
