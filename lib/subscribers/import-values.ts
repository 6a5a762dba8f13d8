import { emailSchema } from '../validation';
import { normalise } from './csv-read';

/** What another tool's status column says about a reader. */
export type FileStatus = 'subscribed' | 'unsubscribed' | 'pending' | 'bounced' | 'complaint';

// Status words of the common exports (Ghost's free/paid/comped are all subscribed members).
const STATUS_WORDS: Record<string, FileStatus> = {
  '': 'subscribed',
  subscribed: 'subscribed',
  subscriber: 'subscribed',
  active: 'subscribed',
  confirmed: 'subscribed',
  'opted in': 'subscribed',
  'opt in': 'subscribed',
  free: 'subscribed',
  paid: 'subscribed',
  comped: 'subscribed',
  unsubscribed: 'unsubscribed',
  'opted out': 'unsubscribed',
  'opt out': 'unsubscribed',
  inactive: 'unsubscribed',
  pending: 'pending',
  unconfirmed: 'pending',
  'not confirmed': 'pending',
  cleaned: 'bounced',
  bounced: 'bounced',
  'hard bounce': 'bounced',
  'hard bounced': 'bounced',
  complained: 'complaint',
  complaint: 'complaint',
  spam: 'complaint',
};

export function fileStatus(value: string): FileStatus | undefined {
  return STATUS_WORDS[normalise(value)];
}

export function fileEmail(value: string): { email: string } | { error: string } {
  if (value === '') return { error: 'No email address.' };
  const parsed = emailSchema.safeParse(value);
  if (parsed.success) return { email: parsed.data };
  return { error: `“${value.slice(0, 80)}” is not an email address${/\s/.test(value.trim()) ? ' (it contains a space)' : ''}.` };
}

/** A name as stored: control and bidirectional characters dropped, spaces collapsed, at most 200 characters. */
export function fileName(value: string): string | null {
  const clean = value
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 200);
  return clean === '' ? null : clean;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$/i;

/**
 * A consent date: ISO 8601 and the "2024-03-01 09:30:00" of most exports (UTC unless an offset is
 * given). Day-first or month-first dates are refused rather than guessed: 03/04 is two different days.
 */
export function fileDate(value: string, now: Date): { date: Date | null } | { error: string } {
  if (value === '') return { date: null };
  const match = ISO.exec(value);
  if (match) {
    const [, year, month, day, hours = '00', minutes = '00', seconds = '00', fraction = '', zone = 'Z'] = match;
    const offset = /^(Z|UTC|GMT)$/i.test(zone) ? 'Z' : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
    const date = new Date(`${year}-${month}-${day}T${hours}:${minutes}:${seconds}${fraction.slice(0, 4)}${offset}`);
    const roundTrips = !Number.isNaN(date.getTime()) && Number(month) >= 1 && Number(month) <= 12 && Number(day) <= new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
    if (roundTrips && date.getTime() <= now.getTime() + 86_400_000) return { date };
    if (roundTrips) return { error: `The date “${value}” is in the future.` };
  }
  return { error: `The date “${value.slice(0, 40)}” is not understood: use YYYY-MM-DD, optionally with a time, or leave it empty.` };
}
