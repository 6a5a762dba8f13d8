import 'server-only';

import { and, eq, inArray, sql } from 'drizzle-orm';

import { type Database, getDb } from '../index';
import { type EmailSuppression, emailSuppressions, type Subscriber, subscribers } from '../schema';

/** What this site already knows about an address. */
export type Known = { subscriber?: Pick<Subscriber, 'status' | 'name' | 'source'>; suppression?: EmailSuppression['reason'] };

/** An import's writes, grouped as the database makes them. */
export type ImportWrites = {
  add: { email: string; name: string | null; status: 'confirmed' | 'unsubscribed'; confirmedAt: Date | null }[];
  name: { email: string; name: string }[];
  unsubscribe: string[];
  suppress: { email: string; reason: 'hard_bounce' | 'complaint'; detail: string }[];
};

export type ImportCounts = { added: number; updated: number; suppressed: number };

// Rows per statement: well under PostgreSQL's 65,535 parameters with every column of a row bound.
const CHUNK = 1000;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += CHUNK) out.push(items.slice(start, start + CHUNK));
  return out;
}

/** What the site knows about each of `emails`; inside an import's transaction the subscriber rows are locked until it ends. */
export async function knownAddresses(emails: string[], db: Database = getDb(), lock = false): Promise<Map<string, Known>> {
  const known = new Map<string, Known>();
  const entry = (email: string) => known.get(email) ?? known.set(email, {}).get(email)!;
  // In one order (byte order, as JavaScript sorts these addresses), so two imports at once lock
  // their common rows in the same order and never deadlock.
  for (const part of chunks([...emails].sort())) {
    const query = db
      .select({ email: subscribers.email, status: subscribers.status, name: subscribers.name, source: subscribers.source })
      .from(subscribers)
      .where(inArray(subscribers.email, part))
      .orderBy(sql`${subscribers.email} collate "C"`);
    const [rows, suppressed] = await Promise.all([
      lock ? query.for('update') : query,
      db.select({ email: emailSuppressions.email, reason: emailSuppressions.reason }).from(emailSuppressions).where(inArray(emailSuppressions.email, part)),
    ]);
    for (const { email, ...subscriber } of rows) entry(email).subscriber = subscriber;
    for (const { email, reason } of suppressed) entry(email).suppression = reason;
  }
  return known;
}

async function write(tx: Database, writes: ImportWrites): Promise<ImportCounts> {
  let added = 0;
  let updated = 0;
  let suppressed = 0;
  // New rows in address order too: two imports adding the same addresses wait on each other's
  // unique keys in one order.
  const byEmail = <T extends { email: string }>(rows: T[]) => [...rows].sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0));
  for (const part of chunks(byEmail(writes.add))) {
    const values = part.map((row) => ({ ...row, source: 'import' as const, unsubscribedAt: row.status === 'unsubscribed' ? sql`now()` : null }));
    // A reader who signed up while the import ran keeps their own row.
    added += (await tx.insert(subscribers).values(values).onConflictDoNothing().returning({ email: subscribers.email })).length;
  }
  for (const part of chunks(writes.name)) {
    const rows = sql.join(
      part.map((row) => sql`(${row.email}, ${row.name})`),
      sql`, `,
    );
    const result = await tx.execute(sql`
      update ${subscribers} set name = v.name from (values ${rows}) as v(email, name)
      where ${subscribers.email} = v.email and ${subscribers.name} is null
      returning ${subscribers.email}`);
    updated += result.length;
  }
  for (const part of chunks(writes.unsubscribe)) {
    const rows = await tx
      .update(subscribers)
      .set({ status: 'unsubscribed', unsubscribedAt: sql`now()`, lastEmailSentAt: null })
      .where(and(inArray(subscribers.email, part), eq(subscribers.status, 'confirmed'), eq(subscribers.source, 'import')))
      .returning({ email: subscribers.email });
    updated += rows.length;
  }
  for (const part of chunks(byEmail(writes.suppress))) {
    suppressed += (await tx.insert(emailSuppressions).values(part).onConflictDoNothing().returning({ email: emailSuppressions.email })).length;
  }
  return { added, updated, suppressed };
}

/**
 * Runs an import in one transaction: what the site knows is read again with the subscriber rows
 * locked, `plan` decides the writes from it, and they are made, all or none.
 */
export async function applyImport(emails: string[], plan: (known: Map<string, Known>) => ImportWrites): Promise<ImportCounts> {
  return getDb().transaction(async (tx) => write(tx, plan(await knownAddresses(emails, tx, true))));
}
