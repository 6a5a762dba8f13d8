/**
 * What a failed message means for its delivery row, from nodemailer's error (code, responseCode,
 * response, command):
 * - 'retry': temporary (4xx, the network); tried again later.
 * - 'bounce': the recipient's server says the address does not exist; suppressed from now on.
 * - 'fail': refused for good, for this message only.
 * - 'halt': not about this recipient (login refused, sender refused, server shutting the door):
 *   the whole send waits and tries again later, so a bad setting never fails the whole list.
 * `kind` of a per-recipient answer names its code (e.g. "550 5.7.1", "network"): the worker halts
 * the send when many in a row share one, since then the server, not the readers, is the problem.
 */
export type Verdict = { kind: 'retry' | 'bounce' | 'fail' | 'halt'; reason: string; network?: true; code?: string };

type SmtpError = { code?: unknown; responseCode?: unknown; response?: unknown; command?: unknown; message?: unknown };

const NETWORK = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ETLS', 'ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EPROTOCOL']);
// RFC 3463 class.subject.detail, read only where it belongs, right after the status ("550 5.1.1 …",
// "550-5.1.1 …"): anywhere else a number like an address ("from 10.5.1.20") would read as one.
const ENHANCED = /^\d{3}[ -]([245]\.\d{1,3}\.\d{1,3})\b/;
// The codes that say this mailbox does not exist (bad mailbox, system, syntax; moved; mailbox
// address now unknown). 5.1.0, 5.1.7 and 5.1.8 are about the sender, whose address a server may
// refuse at RCPT too: they, and a bare 550 with no code at all, must not cost the list a reader.
const UNKNOWN_ADDRESS = new Set(['5.1.1', '5.1.2', '5.1.3', '5.1.6', '5.1.10']);
const ABOUT_THE_SENDER = /sender|relay/i;

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
  if (status !== undefined && status >= 400) {
    const enhanced = reason.match(ENHANCED)?.[1];
    const answer = `${status}${enhanced ? ` ${enhanced}` : ''}`;
    if (status < 500) return { kind: 'retry', reason, code: answer };
    // Only "this address does not exist" suppresses a reader; a relay refusal (5.7.x), a refused
    // sender or a quota (5.4.x, 5.2.x) is about the sender or the message.
    const unknownAddress = enhanced !== undefined && UNKNOWN_ADDRESS.has(enhanced) && !ABOUT_THE_SENDER.test(reason);
    if (stage.startsWith('RCPT') && unknownAddress) return { kind: 'bounce', reason, code: answer };
    return { kind: 'fail', reason, code: answer };
  }
  // A connection that closed mid-message (nodemailer's pool, with no requeues allowed, says so in words).
  if ((typeof code === 'string' && NETWORK.has(code)) || /connection (was )?closed|socket/i.test(said)) return { kind: 'retry', reason, network: true, code: 'network' };
  return { kind: 'fail', reason };
}
