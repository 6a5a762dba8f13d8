/**
 * What a failed message means for its delivery row, from nodemailer's error (code, responseCode,
 * response, command):
 * - 'retry': temporary (4xx, the network); tried again later.
 * - 'bounce': the recipient's server says the address does not exist; suppressed from now on.
 * - 'fail': refused for good, for this message only.
 * - 'halt': not about this recipient (login refused, sender refused, server shutting the door):
 *   the whole send waits and tries again later, so a bad setting never fails the whole list.
 */
export type Verdict = { kind: 'retry' | 'bounce' | 'fail' | 'halt'; reason: string; network?: true };

type SmtpError = { code?: unknown; responseCode?: unknown; response?: unknown; command?: unknown; message?: unknown };

const NETWORK = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ETLS', 'ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EPROTOCOL']);
// Address unknown, no such user, or mailbox name not allowed: the reader's address is wrong.
const HARD_BOUNCE = new Set([550, 551, 553]);

export function classifySmtpError(error: unknown): Verdict {
  const { code, responseCode, response, command, message } = (typeof error === 'object' && error !== null ? error : {}) as SmtpError;
  const status = typeof responseCode === 'number' ? responseCode : undefined;
  const said = typeof response === 'string' && response ? response : typeof message === 'string' ? message : String(error);
  const stage = typeof command === 'string' ? command.toUpperCase() : '';
  const reason = said.replace(/\s+/g, ' ').trim().slice(0, 500);

  if (code === 'EAUTH' || stage.startsWith('AUTH') || status === 530 || status === 534 || status === 535)
    return { kind: 'halt', reason: `the mail server refused the login (${reason})` };
  if (status === 421) return { kind: 'halt', reason: `the mail server is not taking messages now (${reason})` };
  if (stage.startsWith('MAIL')) return { kind: 'halt', reason: `the mail server refused the sender address (${reason})` };
  if (status !== undefined && status >= 400 && status < 500) return { kind: 'retry', reason };
  if (status !== undefined && status >= 500) {
    const enhanced = /\b5\.1\.\d+\b/.test(said);
    if (stage.startsWith('RCPT') && (HARD_BOUNCE.has(status) || enhanced)) return { kind: 'bounce', reason };
    return { kind: 'fail', reason };
  }
  // A connection that closed mid-message (nodemailer's pool, with no requeues allowed, says so in words).
  if ((typeof code === 'string' && NETWORK.has(code)) || /connection (was )?closed|socket/i.test(said)) return { kind: 'retry', reason, network: true };
  return { kind: 'fail', reason };
}
