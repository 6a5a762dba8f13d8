import 'server-only';

import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import nodemailer from 'nodemailer';
import { parseConnectionUrl } from 'nodemailer/lib/shared';

import { log } from '@/lib/log';

import { env } from '../env.mjs';

export type OutgoingMail = {
  from: { name: string; address: string };
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
  /** A full `<id@host>`; without one nodemailer makes up its own. */
  messageId?: string;
};

export type SendMail = (mail: OutgoingMail) => Promise<void>;

let transporter: nodemailer.Transporter | undefined;

const local = () => nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });

/** Writes the message as an .eml file under MAIL_DIR (when SMTP_URL is unset) and returns the file. */
async function writeEml(mail: OutgoingMail | BulkMail, composer = local()): Promise<string> {
  const info = await composer.sendMail(mail);
  const dir = path.resolve(env.MAIL_DIR);
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${Date.now()}-${mail.to.replace(/[^a-z0-9@.-]/gi, '_')}.eml`);
  await writeFile(file, info.message as Buffer);
  return file;
}

/**
 * Sends through the SMTP server in SMTP_URL (any provider). Without it, each message is written
 * as an .eml file under MAIL_DIR and its links are logged, so the journey works locally.
 */
export const sendMail: SendMail = async (mail) => {
  if (env.SMTP_URL) {
    transporter ??= nodemailer.createTransport(env.SMTP_URL);
    await transporter.sendMail(mail);
    return;
  }
  const file = await writeEml(mail);
  const links = mail.text.match(/https?:\/\/\S+/g) ?? [];
  log.info({ to: mail.to, file, links }, `Email "${mail.subject}" written to a file`);
};

/** A newsletter message: a `prepared` header is written as given (nodemailer would MIME-encode a quoted phrase). */
export type BulkMail = Omit<OutgoingMail, 'headers'> & { headers: Record<string, string | { prepared: true; value: string }> };

/**
 * Bulk sending: `send` resolves with the server's answer, or rejects with nodemailer's error, or with
 * NOT_SENT when `reset` dropped it before it reached a connection. `reset` drops every message still
 * waiting for a connection and goes on with fresh connections; those busy with a message finish it.
 */
export type MailPool = { send(mail: BulkMail): Promise<string>; reset(): void; close(): void };

/** The code of a message `reset` dropped before the mail server saw any of it. */
export const NOT_SENT = 'ENOTSENT';

/**
 * A pool of SMTP_POOL_CONNECTIONS connections to `url` (SMTP_URL by default), or .eml files without
 * one. `maxRequeues: 0`: when a connection drops mid-message nodemailer would otherwise send that
 * message again on another connection by itself, behind the delivery rows' backs; here the error
 * comes back and the row decides. Timeouts stay well inside the delivery lease (see lib/newsletter/delivery/).
 */
export function openMailPool(url: string | undefined = env.SMTP_URL, connections = env.SMTP_POOL_CONNECTIONS): MailPool {
  if (!url) {
    const composer = local();
    return { send: async (mail) => `Written to ${await writeEml(mail, composer)}`, reset: () => {}, close: () => composer.close() };
  }
  const open = () =>
    nodemailer.createTransport({
      ...parseConnectionUrl(url),
      pool: true,
      maxConnections: connections,
      maxMessages: Infinity,
      maxRequeues: 0,
      connectionTimeout: 20_000,
      greetingTimeout: 20_000,
      socketTimeout: 30_000,
    } as nodemailer.TransportOptions);
  let pool = open();
  return {
    send: async (mail) => {
      const used = pool;
      try {
        return (await used.sendMail(mail)).response as string;
      } catch (error) {
        // nodemailer's words for a message its closed pool never gave a connection.
        if (used !== pool && error instanceof Error && error.message === 'Connection pool was closed')
          throw Object.assign(new Error('Not sent: the pool was reset'), { code: NOT_SENT });
        throw error;
      }
    },
    reset: () => {
      const old = pool;
      pool = open();
      old.close();
    },
    close: () => pool.close(),
  };
}
