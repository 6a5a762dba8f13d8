import { describe, expect, it } from 'vitest';

import { IMPORT_LIMITS, parseSubscriberCsv, type RawRow, readUpload } from '@/lib/subscribers/csv-read';
import { planImport } from '@/lib/subscribers/import-plan';
import { fileDate } from '@/lib/subscribers/import-values';

const utf8 = (text: string) => new TextEncoder().encode(text);

function rows(bytes: Uint8Array): RawRow[] {
  const upload = readUpload(bytes);
  if (!upload.ok) throw new Error(upload.error);
  const read = parseSubscriberCsv(upload.text);
  if (!read.ok) throw new Error(read.error);
  return read.rows;
}

function refusal(bytes: Uint8Array): string {
  const upload = readUpload(bytes);
  if (!upload.ok) return upload.error;
  const read = parseSubscriberCsv(upload.text);
  return read.ok ? 'accepted' : read.error;
}

const now = new Date('2026-12-01T12:00:00Z');

describe('reading another tool’s CSV export', () => {
  it('finds the columns by their common names, whatever their case, and joins first and last names', () => {
    const mailchimp = 'Email Address,First Name,Last Name,OPTIN_TIME,Status\r\nAda@Example.org,Ada,Lovelace,2024-03-01 09:30:00,subscribed\r\n';
    expect(rows(utf8(mailchimp))).toEqual([{ row: 2, email: 'Ada@Example.org', name: 'Ada Lovelace', date: '2024-03-01 09:30:00', status: 'subscribed' }]);
    const ghost = 'id,email,name,created_at,status\n1,grace@example.org,Grace Hopper,2023-01-05T10:22:11.000Z,free\n';
    expect(rows(utf8(ghost))[0]).toMatchObject({ email: 'grace@example.org', name: 'Grace Hopper', date: '2023-01-05T10:22:11.000Z', status: 'free' });
    expect(rows(utf8('E-mail;Name\nmary@example.org;Mary\n'))[0]).toMatchObject({ email: 'mary@example.org', name: 'Mary' });
  });

  it('reads a byte-order mark, quotes, commas and line breaks inside values, and mixed line endings', () => {
    const text = '\uFEFF"email","name"\r\n"a@example.org","Smith, ""Jo"""\n"b@example.org","two\nlines"\rc@example.org,plain\r\n';
    expect(rows(utf8(text)).map((row) => [row.row, row.email, row.name])).toEqual([
      [2, 'a@example.org', 'Smith, "Jo"'],
      [3, 'b@example.org', 'two\nlines'],
      [4, 'c@example.org', 'plain'],
    ]);
  });

  it('numbers rows as a spreadsheet does, blank lines included, and drops the blank ones', () => {
    expect(rows(utf8('email\n\na@example.org\n,\nb@example.org\n')).map((row) => row.row)).toEqual([3, 5]);
  });

  it('reads Windows-1252 and UTF-16 files, and says when it guessed the encoding', () => {
    const latin1 = Buffer.concat([Buffer.from('email,name\nzoe@example.org,Zo'), Buffer.from([0xeb]), Buffer.from('\n')]);
    const upload = readUpload(latin1);
    expect(upload.ok && upload.notes[0]).toMatch(/not UTF-8.*Windows-1252/);
    expect(rows(latin1)[0]!.name).toBe('Zoë');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('email,name\nli@example.org,Lǐ\n', 'utf16le')]);
    expect(rows(utf16)[0]).toMatchObject({ email: 'li@example.org', name: 'Lǐ' });
  });

  it('refuses what is not a subscriber CSV with a clear message', () => {
    expect(refusal(new Uint8Array())).toBe('The file is empty.');
    expect(refusal(utf8('email,name\n'))).toBe('The file has no rows below its header.');
    expect(refusal(utf8('name,city\nAda,London\n'))).toMatch(/^No email column found/);
    expect(refusal(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08]))).toMatch(/not a CSV text file/);
    expect(refusal(utf8('email,name\na@example.org,"never closed\n'))).toMatch(/could not be read as CSV near line \d+: check its quotes/);
    expect(refusal(utf8(`email\n${'x'.repeat(IMPORT_LIMITS.fieldChars + 10)}@example.org\n`))).toMatch(/^A row near line \d+ is longer than 10,000 characters/);
  });

  it('refuses files past 5 MB or 50,000 rows, and reads 50,000', () => {
    expect(refusal(new Uint8Array(IMPORT_LIMITS.bytes + 1).fill(0x61))).toMatch(/larger than 5 MB/);
    const list = (count: number) => utf8(`email\n${Array.from({ length: count }, (_, index) => `reader-${index}@example.org`).join('\n')}\n`);
    expect(refusal(list(60_000))).toMatch(/more than 50,000 rows/);
    expect(rows(list(50_000))).toHaveLength(50_000);
  });
});

describe('what an import does with each row', () => {
  const row = (email: string, status = '', extra: Partial<RawRow> = {}): RawRow => ({ row: 0, email, name: '', date: '', status, ...extra });
  const numbered = (list: RawRow[]) => list.map((item, index) => ({ ...item, row: index + 2 }));

  it('reports bad rows with their number and reason, and uses only the first of duplicates', () => {
    const plan = planImport(
      numbered([row('not an address'), row(''), row('ok@example.org', 'vip'), row('ok@example.org', '', { date: '03/04/2024' }), row('dup@example.org'), row(' DUP@example.org ')]),
      () => ({}),
      now,
    );
    expect(plan.lines.map((line) => [line.row, line.kind, line.reason])).toEqual([
      [2, 'invalid', '“not an address” is not an email address (it contains a space).'],
      [3, 'invalid', 'No email address.'],
      [4, 'invalid', expect.stringContaining('The status “vip” is not one this import knows')],
      [5, 'invalid', expect.stringContaining('The date “03/04/2024” is not understood')],
      [6, 'add', 'New confirmed subscriber (no confirmation email).'],
      [7, 'skip', 'The same address as row 6: only the first is used.'],
    ]);
    expect(plan.writes.add.map((add) => add.email)).toEqual(['dup@example.org']);
  });

  it('maps the other tools’ statuses: subscribed, unsubscribed, pending, cleaned, spam', () => {
    const plan = planImport(
      numbered([
        row('a@example.org', 'Active', { date: '2024-03-01' }),
        row('b@example.org', 'unsubscribed'),
        row('c@example.org', 'unconfirmed'),
        row('d@example.org', 'cleaned'),
        row('e@example.org', 'spam'),
      ]),
      () => ({}),
      now,
    );
    expect(plan.lines.map((line) => line.kind)).toEqual(['add', 'add', 'skip', 'suppress', 'suppress']);
    expect(plan.writes.add).toEqual([
      { email: 'a@example.org', name: null, status: 'confirmed', confirmedAt: new Date('2024-03-01T00:00:00Z') },
      { email: 'b@example.org', name: null, status: 'unsubscribed', confirmedAt: null },
    ]);
    expect(plan.writes.suppress.map((entry) => [entry.email, entry.reason])).toEqual([
      ['d@example.org', 'hard_bounce'],
      ['e@example.org', 'complaint'],
    ]);
  });

  it('never resubscribes someone who left here, respects suppressions, and never confirms a sign-up waiting for its own click', () => {
    const known = {
      'left@example.org': { subscriber: { status: 'unsubscribed', name: null, source: 'signup' } },
      'bounced@example.org': { suppression: 'hard_bounce' },
      'waiting@example.org': { subscriber: { status: 'pending', name: null, source: 'signup' } },
      'here@example.org': { subscriber: { status: 'confirmed', name: null, source: 'signup' } },
      'imported@example.org': { subscriber: { status: 'confirmed', name: 'Ida', source: 'import' } },
    } as const;
    const plan = planImport(
      numbered([
        row('left@example.org'),
        row('bounced@example.org'),
        row('waiting@example.org'),
        row('here@example.org', '', { name: 'Hal' }),
        row('here@example.org', 'unsubscribed'),
        row('imported@example.org', 'unsubscribed'),
      ]),
      (email) => known[email as keyof typeof known] ?? {},
      now,
    );
    expect(plan.lines.map((line) => [line.kind, line.reason])).toEqual([
      ['skip', 'Unsubscribed here, and stays unsubscribed.'],
      ['skip', expect.stringContaining('Suppressed here after a hard bounce')],
      ['skip', expect.stringContaining('waiting for their own confirmation')],
      ['update', 'Already subscribed: the name is added.'],
      ['skip', 'The same address as row 5: only the first is used.'],
      ['update', expect.stringContaining('unsubscribed here too')],
    ]);
    expect(plan.writes).not.toHaveProperty('confirm');
    expect(plan.writes).toMatchObject({
      name: [{ email: 'here@example.org', name: 'Hal' }],
      unsubscribe: ['imported@example.org'],
    });
  });

  it('keeps formula-like and odd names as plain text, without control or direction characters', () => {
    const plan = planImport(
      numbered([row('f@example.org', '', { name: '=HYPERLINK("http://evil.example","x")' }), row('g@example.org', '', { name: 'Bob\u202e\u0007  Smith' })]),
      () => ({}),
      now,
    );
    expect(plan.writes.add.map((add) => add.name)).toEqual(['=HYPERLINK("http://evil.example","x")', 'Bob Smith']);
  });

  it('reads ISO dates and offsets, refuses impossible and future ones', () => {
    expect(fileDate('2024-03-01T09:30:00+0200', now)).toEqual({ date: new Date('2024-03-01T07:30:00Z') });
    expect(fileDate('2024-03-01 09:30:00.123 UTC', now)).toEqual({ date: new Date('2024-03-01T09:30:00.123Z') });
    expect(fileDate('2024-02-30', now)).toMatchObject({ error: expect.stringContaining('not understood') });
    expect(fileDate('2030-01-01', now)).toEqual({ error: 'The date “2030-01-01” is in the future.' });
    expect(fileDate('', now)).toEqual({ date: null });
  });
});
