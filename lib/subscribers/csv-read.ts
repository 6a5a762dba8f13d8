import { parse } from 'csv-parse/sync';

export const IMPORT_LIMITS = { bytes: 5 * 1024 * 1024, rows: 50_000, fieldChars: 10_000 };

/** One data row as another newsletter tool exported it; `row` is its row number in a spreadsheet (the header is 1). */
export type RawRow = { row: number; email: string; name: string; date: string; status: string };

export type ReadResult = { ok: true; rows: RawRow[] } | { ok: false; error: string };

export type Decoded = { ok: true; text: string; notes: string[] } | { ok: false; error: string };

// Header names of the common exports (Mailchimp, Substack, Ghost, Buttondown, Sendy…), compared
// lower-cased with spaces, dashes and underscores made one space. The first one present wins.
const HEADERS = {
  email: ['email', 'email address', 'e mail', 'e mail address', 'emailaddress', 'subscriber email', 'mail'],
  name: ['name', 'full name', 'fullname', 'display name'],
  first: ['first name', 'firstname', 'fname', 'given name'],
  last: ['last name', 'lastname', 'lname', 'surname', 'family name'],
  date: [
    'consent date',
    'consent at',
    'confirm time',
    'confirmed at',
    'optin time',
    'opt in time',
    'subscribed at',
    'subscribed',
    'date subscribed',
    'signup date',
    'created at',
    'created',
    'date added',
  ],
  status: ['status', 'subscription status', 'member status', 'state'],
} as const;

export const normalise = (header: string) =>
  header
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');

/**
 * Bytes to text. UTF-8 (with or without a byte-order mark) and UTF-16 with one are read as such; a
 * file that is not valid UTF-8 is read as Windows-1252, which is what spreadsheets on Windows save,
 * and the preview says so. Text with NUL characters is not a CSV file at all.
 */
export function decode(bytes: Uint8Array): { text: string; note?: string } | { error: string } {
  let text: string;
  let note: string | undefined;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      text = new TextDecoder('windows-1252').decode(bytes);
      note = 'The file is not UTF-8, so it was read as Windows-1252: check that names with accents look right, or save the file as “CSV UTF-8” and upload it again.';
    }
  }
  if (text.includes('\u0000')) return { error: 'This file is not a CSV text file. Export your list as CSV and upload that.' };
  return { text, note };
}

/** The separator of the header line: spreadsheets in many countries save with semicolons. */
function delimiterOf(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((char) => [char, header.split(char).length] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

function column(headers: string[], names: readonly string[]): number {
  for (const name of names) {
    const index = headers.indexOf(name);
    if (index >= 0) return index;
  }
  return -1;
}

/** An uploaded file as text, within the size limit. */
export function readUpload(bytes: Uint8Array): Decoded {
  if (bytes.byteLength === 0) return { ok: false, error: 'The file is empty.' };
  if (bytes.byteLength > IMPORT_LIMITS.bytes) return { ok: false, error: 'The file is larger than 5 MB. Split it into smaller files and import them one after the other.' };
  const decoded = decode(bytes);
  if ('error' in decoded) return { ok: false, error: decoded.error };
  return { ok: true, text: decoded.text, notes: decoded.note ? [decoded.note] : [] };
}

/** Reads the text of an export of another newsletter tool into rows, or says in words why it cannot. */
export function parseSubscriberCsv(text: string): ReadResult {
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      delimiter: delimiterOf(text),
      // Lenient where exports differ (mixed line endings, a stray quote inside a value, short rows);
      // blank lines are kept, so a row's number is the one a spreadsheet shows.
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_quotes: true,
      relax_column_count: true,
      max_record_size: IMPORT_LIMITS.fieldChars,
      // The header and one row past the limit: enough to know the file is too long.
      to: IMPORT_LIMITS.rows + 2,
    });
  } catch (error) {
    const line = typeof error === 'object' && error && 'lines' in error ? ` near line ${String(error.lines)}` : '';
    if (typeof error === 'object' && error && 'code' in error && error.code === 'CSV_MAX_RECORD_SIZE')
      return { ok: false, error: `A row${line} is longer than ${IMPORT_LIMITS.fieldChars.toLocaleString('en')} characters: check that its quotes are closed.` };
    return { ok: false, error: `The file could not be read as CSV${line}: check its quotes (a value with a comma or a line break must be in double quotes).` };
  }
  const [header, ...data] = records;
  if (data.length > IMPORT_LIMITS.rows) return { ok: false, error: 'The file has more than 50,000 rows. Split it into smaller files and import them one after the other.' };
  const headers = (header ?? []).map(normalise);
  const at = Object.fromEntries(Object.entries(HEADERS).map(([key, names]) => [key, column(headers, names)])) as Record<keyof typeof HEADERS, number>;
  if (!header || at.email < 0) return { ok: false, error: 'No email column found. The first row must name the columns, for example: email,name,status,subscribed_at.' };
  const cell = (record: string[], index: number) => (index >= 0 ? (record[index] ?? '').trim() : '');
  const rows = data.flatMap((record, index) =>
    record.every((value) => value.trim() === '')
      ? []
      : [
          {
            row: index + 2,
            email: cell(record, at.email),
            name: cell(record, at.name) || [cell(record, at.first), cell(record, at.last)].filter(Boolean).join(' '),
            date: cell(record, at.date),
            status: cell(record, at.status),
          },
        ],
  );
  if (rows.length === 0) return { ok: false, error: 'The file has no rows below its header.' };
  return { ok: true, rows };
}
