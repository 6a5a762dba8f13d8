import type { AddressInfo } from 'node:net';

import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { closeDb } from '@/db';
import { listSchedules } from '@/db/queries/schedules';
import type { SendMail } from '@/lib/mail/transport';
import { sendTestEmail } from '@/lib/newsletter/test-send';
import { schedule } from '@/lib/publishing/service';

import { seedDraft } from './helpers/drafts';

// A real SMTP server on a free port, keeping what it receives.
const received: Buffer[] = [];
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, _session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      received.push(Buffer.concat(chunks));
      callback();
    });
  },
});
let sendMail: SendMail;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: (server.server.address() as AddressInfo).port, secure: false, ignoreTLS: true });
  sendMail = async (mail) => {
    await transport.sendMail(mail);
  };
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await closeDb();
});

describe('a test of the newsletter email', () => {
  it('goes to the person asking only, marked [Test], rendered from the latest saved version', async () => {
    const draft = await seedDraft({ body: 'The first paragraph.\n\n## What happens next\n\nMore.' });
    const person = { id: draft.writerId, email: `tester-${draft.id}@newsroom.example` };
    const before = received.length;
    expect(await sendTestEmail(draft.id, person, sendMail)).toEqual({ ok: true, to: person.email, version: 1 });
    expect(received).toHaveLength(before + 1);
    const mail = await simpleParser(received.at(-1)!);
    expect(mail.subject).toBe(`[Test] ${draft.title}`);
    expect([mail.to].flat().flatMap((to) => to?.value.map((entry) => entry.address))).toEqual([person.email]);
    expect(mail.html).toContain('What happens next');
    expect(mail.text).toContain(draft.standfirst);
  });

  it('is refused past five in ten minutes, and for a draft that cannot be shown', async () => {
    const draft = await seedDraft({ body: '<Unknown />' });
    const person = { id: draft.writerId, email: `limit-${draft.id}@newsroom.example` };
    const before = received.length;
    const outcomes = [];
    for (let attempt = 0; attempt < 6; attempt += 1) outcomes.push(await sendTestEmail(draft.id, person, sendMail));
    expect(outcomes.slice(0, 5).every((outcome) => !outcome.ok && outcome.problems.join(' ').includes('Unknown'))).toBe(true);
    expect(outcomes[5]).toMatchObject({ ok: false, problems: [expect.stringMatching(/You sent 5 tests/)] });
    expect(received).toHaveLength(before);
  });
});

describe('scheduling with the newsletter', () => {
  it('stores the choice with the schedule, and publish only by default', async () => {
    const emailed = await seedDraft();
    const plain = await seedDraft();
    const runAt = new Date(Date.now() + 3_600_000);
    expect(await schedule(emailed.id, 1, runAt, emailed.writerId, true)).toEqual({ ok: true });
    expect(await schedule(plain.id, 1, runAt, plain.writerId)).toEqual({ ok: true });
    expect(await listSchedules(emailed.id)).toMatchObject([{ emailSubscribers: true, status: 'pending' }]);
    expect(await listSchedules(plain.id)).toMatchObject([{ emailSubscribers: false, status: 'pending' }]);
  });
});
