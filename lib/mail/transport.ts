import 'server-only';

import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import nodemailer from 'nodemailer';

import { env } from '../env.mjs';

export type OutgoingMail = {
  from: { name: string; address: string };
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
};

export type SendMail = (mail: OutgoingMail) => Promise<void>;

let transporter: nodemailer.Transporter | undefined;

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
  const local = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const info = await local.sendMail(mail);
  const dir = path.resolve(env.MAIL_DIR);
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${Date.now()}-${mail.to.replace(/[^a-z0-9@.-]/gi, '_')}.eml`);
  await writeFile(file, info.message as Buffer);
  const links = mail.text.match(/https?:\/\/\S+/g) ?? [];
  console.info(`[mail] "${mail.subject}" to ${mail.to} written to ${file}${links.map((link) => `\n  ${link}`).join('')}`);
};
