import type { MailPool } from '@/lib/mail/transport';

/** The pool, calling `before(n)` (and waiting for it) as the n-th message is handed over. */
export function watched(inner: MailPool, before: (handed: number) => Promise<void> | void): MailPool {
  let handed = 0;
  return { close: () => inner.close(), reset: () => inner.reset(), send: async (mail) => (await before(++handed), inner.send(mail)) };
}

/**
 * A `before` for `watched` that runs `step` at the first message and holds every message until it
 * is done: a cancel or pause is committed before any message reaches the server, however the lanes race.
 */
export function beforeAnyMessage(step: () => Promise<unknown>): () => Promise<void> {
  let done: Promise<unknown> | undefined;
  return async () => void (await (done ??= step()));
}
