// A real SMTP server for the end-to-end tests: accepts every message and writes it, as received,
// to MAIL_SINK_DIR as an .eml file for the tests to parse.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { SMTPServer } from 'smtp-server';

const dir = process.env.MAIL_SINK_DIR;
const port = Number(process.env.SMTP_PORT);
if (!dir || !port) throw new Error('MAIL_SINK_DIR and SMTP_PORT are required');
mkdirSync(dir, { recursive: true });

let count = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    /** @type {Buffer[]} */
    const chunks = [];
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('end', () => {
      count += 1;
      const to = session.envelope.rcptTo.map((rcpt) => rcpt.address).join(',');
      writeFileSync(path.join(dir, `${Date.now()}-${count}-${to.replace(/[^a-z0-9@.-]/gi, '_')}.eml`), Buffer.concat(chunks));
      callback();
    });
  },
});
server.listen(port, '127.0.0.1', () => console.log(`SMTP sink on 127.0.0.1:${port}, writing to ${dir}`));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
