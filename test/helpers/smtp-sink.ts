import type { AddressInfo } from 'node:net';

import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

export type SinkMessage = { to: string; raw: string; at: number };

/** How the sink answers: every message accepted unless an address is listed. */
export type Behaviour = {
  /** 550 at RCPT TO: "no such user". */
  unknown?: string[];
  /** 451 at the end of DATA the first time a message to this address arrives, accepted after. */
  busyOnce?: string[];
  /** 451 every time. */
  busyAlways?: string[];
  /** Milliseconds before each message is accepted. */
  delayMs?: number;
  /** Milliseconds before a message to one of these addresses is accepted (instead of delayMs). */
  slow?: { to: string[]; ms: number };
  /** This answer at RCPT TO for every address (e.g. 550 "5.7.1 Unable to relay"). */
  refuseEveryone?: { code: number; message: string };
  /** Refuse every login with 535. */
  refuseLogin?: boolean;
};

const smtpError = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

/** A real SMTP server on a free loopback port, recording what it accepted, for the delivery tests. */
export async function startSink(behaviour: Behaviour = {}) {
  const messages: SinkMessage[] = [];
  const busy = new Set(behaviour.busyOnce);
  const options: SMTPServerOptions = {
    authOptional: !behaviour.refuseLogin,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth: (_auth, _session, callback) => callback(smtpError(535, '5.7.8 Authentication credentials invalid')),
    onRcptTo(address, _session, callback) {
      if (behaviour.unknown?.includes(address.address)) return callback(smtpError(550, '5.1.1 No such user here'));
      if (behaviour.refuseEveryone) return callback(smtpError(behaviour.refuseEveryone.code, behaviour.refuseEveryone.message));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((rcpt) => rcpt.address).join(',');
        const finish = () => {
          if (busy.delete(to) || behaviour.busyAlways?.includes(to)) return callback(smtpError(451, '4.3.0 Try again later'));
          messages.push({ to, raw: Buffer.concat(chunks).toString('utf8'), at: Date.now() });
          callback(null, `2.0.0 Ok: queued as ${messages.length}`);
        };
        const delay = behaviour.slow?.to.includes(to) ? behaviour.slow.ms : behaviour.delayMs;
        if (delay) setTimeout(finish, delay);
        else finish();
      });
    },
  };
  const server = new SMTPServer(options);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: behaviour.refuseLogin ? `smtp://user:wrong@127.0.0.1:${port}` : `smtp://127.0.0.1:${port}`,
    messages,
    /** How many copies each address received. */
    counts: () => messages.reduce((counts, message) => counts.set(message.to, (counts.get(message.to) ?? 0) + 1), new Map<string, number>()),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** One header of a raw message, unfolded. */
export function header(raw: string, name: string): string | undefined {
  const head = raw.split(/\r?\n\r?\n/, 1)[0]!.replace(/\r?\n[ \t]+/g, ' ');
  return head.match(new RegExp(`^${name}: (.*)$`, 'im'))?.[1]?.trim();
}
