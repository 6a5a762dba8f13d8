import type { ImportWrites, Known } from '@/db/queries/subscriber-import';
import type { EmailSuppression } from '@/db/schema';

import type { RawRow } from './csv-read';
import { fileDate, fileEmail, fileName, type FileStatus, fileStatus } from './import-values';

export type Kind = 'add' | 'update' | 'suppress' | 'skip' | 'invalid';

/** One row of the file and what the import does with it, in words for the preview. */
export type PlanLine = { row: number; email: string; name: string | null; kind: Kind; reason: string };

export type Plan = { lines: PlanLine[]; writes: ImportWrites };

const suppressionWords: Record<EmailSuppression['reason'], string> = { hard_bounce: 'a hard bounce', complaint: 'a complaint', manual: 'an admin' };

type Decision = { kind: Kind; reason: string; write?: (writes: ImportWrites) => void };

function decide(email: string, name: string | null, status: FileStatus, consentAt: Date | null, known: Known, now: Date): Decision {
  const { subscriber, suppression } = known;
  if (status === 'bounced' || status === 'complaint') {
    if (suppression) return { kind: 'skip', reason: 'Already suppressed here.' };
    const reason = status === 'bounced' ? 'hard_bounce' : 'complaint';
    const detail = status === 'bounced' ? 'Imported: bounced or cleaned in the previous newsletter tool.' : 'Imported: marked as spam in the previous newsletter tool.';
    return {
      kind: 'suppress',
      reason: 'No newsletter will go to this address (it bounced or complained in the other tool).',
      write: (w) => w.suppress.push({ email, reason, detail }),
    };
  }
  if (suppression) return { kind: 'skip', reason: `Suppressed here after ${suppressionWords[suppression]}: lift the suppression first if the address works again.` };
  if (status === 'pending') return { kind: 'skip', reason: 'Never confirmed in the other tool, so there is no consent to import; they can sign up themselves.' };
  if (!subscriber) {
    if (status === 'unsubscribed')
      return { kind: 'add', reason: 'Stored as unsubscribed, so they are never emailed.', write: (w) => w.add.push({ email, name, status: 'unsubscribed', confirmedAt: null }) };
    return {
      kind: 'add',
      reason: 'New confirmed subscriber (no confirmation email).',
      write: (w) => w.add.push({ email, name, status: 'confirmed', confirmedAt: consentAt ?? now }),
    };
  }
  if (subscriber.status === 'unsubscribed') return { kind: 'skip', reason: 'Unsubscribed here, and stays unsubscribed.' };
  if (status === 'unsubscribed') {
    // A fresher export of the same tool wins over an earlier import; a reader's own sign-up here wins over the other tool.
    if (subscriber.source === 'import' && subscriber.status === 'confirmed')
      return { kind: 'update', reason: 'Unsubscribed in the other tool since it was imported: unsubscribed here too.', write: (w) => w.unsubscribe.push(email) };
    return { kind: 'skip', reason: 'Unsubscribed in the other tool but signed up here themselves: left as it is.' };
  }
  // Anyone can put an address back to pending with the public sign-up form, one that unsubscribed
  // included: only the reader's own click on the confirmation email confirms a sign-up here.
  if (subscriber.status === 'pending')
    return { kind: 'skip', reason: 'Signed up here and waiting for their own confirmation: an import never confirms a sign-up (anyone can fill in the form).' };
  if (!subscriber.name && name) return { kind: 'update', reason: 'Already subscribed: the name is added.', write: (w) => w.name.push({ email, name }) };
  return { kind: 'skip', reason: 'Already subscribed.' };
}

/**
 * What importing these rows does, given what the site knows about their addresses. Pure, so the
 * preview and the import (which calls it again inside its transaction, on fresh data) cannot differ
 * in their rules.
 */
export function planImport(rows: RawRow[], known: (email: string) => Known, now: Date): Plan {
  const writes: ImportWrites = { add: [], name: [], unsubscribe: [], suppress: [] };
  const lines: PlanLine[] = [];
  const firstRow = new Map<string, number>();
  for (const raw of rows) {
    const name = fileName(raw.name);
    const address = fileEmail(raw.email);
    const line = (kind: Kind, reason: string, email = raw.email.slice(0, 254)) => lines.push({ row: raw.row, email, name, kind, reason });
    if ('error' in address) {
      line('invalid', address.error);
      continue;
    }
    const { email } = address;
    const status = fileStatus(raw.status);
    const consent = fileDate(raw.date, now);
    if (!status) line('invalid', `The status “${raw.status.slice(0, 40)}” is not one this import knows (subscribed, unsubscribed, pending, cleaned…).`, email);
    else if ('error' in consent) line('invalid', consent.error, email);
    else if (firstRow.has(email)) line('skip', `The same address as row ${firstRow.get(email)}: only the first is used.`, email);
    else {
      firstRow.set(email, raw.row);
      const decision = decide(email, name, status, consent.date, known(email), now);
      decision.write?.(writes);
      line(decision.kind, decision.reason, email);
    }
  }
  return { lines, writes };
}

/** The valid addresses in the file, once each: what the site is asked about. */
export function emailsOf(rows: RawRow[]): string[] {
  const emails = new Set<string>();
  for (const raw of rows) {
    const address = fileEmail(raw.email);
    if ('email' in address) emails.add(address.email);
  }
  return [...emails];
}
