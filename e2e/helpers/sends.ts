import { randomUUID } from 'node:crypto';

import { test } from '@playwright/test';

import { database } from './database';
import { people } from './newsroom';

// Seeds newsletter sends straight into the database, as the sending engine leaves them: the send,
// and one delivery per (send, subscriber) with its status and the mail server's answer.

type Counts = Partial<Record<'queued' | 'sending' | 'sent' | 'failed' | 'bounced' | 'skipped', number>>;

export type SendSeed = {
  draftId: string;
  status: 'sending' | 'waiting' | 'paused' | 'cancelled' | 'done';
  statusReason?: string;
  resumeAt?: Date;
  /** How long ago the send last changed (a long pause needs attention). */
  updatedMinutesAgo?: number;
  /** How long the mail server has refused it (held_since). */
  heldMinutesAgo?: number;
  deliveries: Counts;
};

export async function seedSend(seed: SendSeed): Promise<{ id: string; emails: Record<string, string[]> }> {
  const sql = database();
  const [editor] = await sql<{ id: string }[]>`select id from users where email = ${people.editor.email}`;
  const total = Object.values(seed.deliveries).reduce((sum, count) => sum + count, 0);
  const [send] = await sql<{ id: string }[]>`
    insert into newsletter_sends (draft_id, sequence, subject, html, text, status, status_reason, resume_at, held_since, recipients, created_by, updated_at)
    values (${seed.draftId}, coalesce((select max(sequence) + 1 from newsletter_sends where draft_id = ${seed.draftId}), 1), 'Seeded send', '<p>Seeded</p>', 'Seeded',
            ${seed.status}, ${seed.statusReason ?? null}, ${seed.resumeAt ?? null},
            ${seed.heldMinutesAgo === undefined ? null : new Date(Date.now() - seed.heldMinutesAgo * 60_000)},
            ${total}, ${editor!.id}, now() - make_interval(mins => ${seed.updatedMinutesAgo ?? 0}))
    returning id`;
  const emails: Record<string, string[]> = {};
  for (const [status, count] of Object.entries(seed.deliveries)) {
    const prefix = `seeded-${status}-${randomUUID().slice(0, 8)}-`;
    // Skipped rows as a cancel leaves them (the engine's CANCELLED_REASON): those "Continue sending" takes.
    const responses: Record<string, string> = { failed: '550 5.7.1 Relaying denied', bounced: '550 5.1.1 No such user', sent: '250 OK', skipped: 'Cancelled before their turn.' };
    const response = responses[status] ?? null;
    const rows = await sql<{ email: string }[]>`
      with readers as (
        insert into subscribers (email, status, confirmed_at)
        select ${prefix} || g || '@example.org', 'confirmed', now() from generate_series(1, ${count}::int) g returning id, email)
      insert into newsletter_deliveries (send_id, subscriber_id, email, status, response, attempts)
      select ${send!.id}, id, email, ${status}::newsletter_delivery_status, ${response}, 1 from readers
      returning email`;
    emails[status] = rows.map((row) => row.email);
  }
  return { id: send!.id, emails };
}

/** Marks `count` of the send's queued deliveries sent, as the engine would while the page is open. */
export async function deliverSome(sendId: string, count: number): Promise<void> {
  await database()`
    update newsletter_deliveries set status = 'sent', response = '250 OK', sent_at = now(), updated_at = now()
     where (send_id, subscriber_id) in (select send_id, subscriber_id from newsletter_deliveries where send_id = ${sendId} and status = 'queued' limit ${count})`;
}

export async function setSendStatus(sendId: string, status: SendSeed['status']): Promise<void> {
  await database()`update newsletter_sends set status = ${status}, updated_at = now() where id = ${sendId}`;
}

/** Removes seeded sends and the subscribers made for them. */
export async function removeSends(sendIds: string[]): Promise<void> {
  if (sendIds.length === 0) return;
  const sql = database();
  await sql`delete from subscribers where id in (select subscriber_id from newsletter_deliveries where send_id in ${sql(sendIds)}) and email like 'seeded-%'`;
  await sql`delete from newsletter_sends where id in ${sql(sendIds)}`;
}

/** Seeds sends for the spec file that calls it (at its top level) and removes them after its last test. */
export function sendsOfThisFile(): typeof seedSend {
  const seeded: string[] = [];
  test.afterAll(async () => removeSends(seeded));
  return async (seed) => {
    const row = await seedSend(seed);
    seeded.push(row.id);
    return row;
  };
}
