import 'server-only';

import { applyImport, type ImportCounts, knownAddresses } from '@/db/queries/subscriber-import';

import { getSite } from '../content';
import { appSecret } from '../secret';
import { plural } from '../text/plural';
import { parseSubscriberCsv, readUpload } from './csv-read';
import { emailsOf, type Kind, planImport, type PlanLine } from './import-plan';
import { sealImport, unsealImport } from './seal';

/** Rows the preview lists of each kind; the counts are always complete. */
export const PREVIEW_ROWS = 100;

export const KIND_ORDER: Kind[] = ['invalid', 'skip', 'add', 'update', 'suppress'];

export type ImportPreview = {
  /** The file, for the confirmation form (see seal.ts). */
  sealed: string;
  fileName: string;
  counts: Record<Kind, number>;
  notes: string[];
  groups: { kind: Kind; total: number; lines: PlanLine[] }[];
};

type Failure = { ok: false; error: string };

function summarise(lines: PlanLine[]): Pick<ImportPreview, 'counts' | 'groups'> {
  const counts: Record<Kind, number> = { invalid: 0, skip: 0, add: 0, update: 0, suppress: 0 };
  for (const line of lines) counts[line.kind] += 1;
  const groups = KIND_ORDER.filter((kind) => counts[kind] > 0).map((kind) => ({
    kind,
    total: counts[kind],
    lines: lines.filter((line) => line.kind === kind).slice(0, PREVIEW_ROWS),
  }));
  return { counts, groups };
}

async function preview(text: string, userId: string, fileName: string, notes: string[], now: Date): Promise<{ ok: true; preview: ImportPreview } | Failure> {
  const read = parseSubscriberCsv(text);
  if (!read.ok) return read;
  const known = await knownAddresses(emailsOf(read.rows));
  const plan = planImport(read.rows, (email) => known.get(email) ?? {}, now);
  return { ok: true, preview: { sealed: sealImport(text, userId, appSecret(), now.getTime()), fileName: fileName.slice(0, 200), notes, ...summarise(plan.lines) } };
}

/** Step one: what importing the file would do, and nothing written. */
export async function previewImport(file: { name: string; bytes: Uint8Array }, userId: string, now = new Date()): Promise<{ ok: true; preview: ImportPreview } | Failure> {
  const upload = readUpload(file.bytes);
  if (!upload.ok) return upload;
  return preview(upload.text, userId, file.name, upload.notes, now);
}

/** The preview of a file sealed by an earlier preview, shown again when its confirmation was refused. */
export async function previewSealed(sealed: string, userId: string, now = new Date()): Promise<{ ok: true; preview: ImportPreview } | Failure> {
  const opened = unsealImport(sealed, userId, appSecret(), now.getTime());
  return opened.ok ? preview(opened.text, userId, '', [], now) : opened;
}

export type ImportDone = { ok: true; counts: ImportCounts & { rows: number }; message: string };

/**
 * Step two: the previewed file is imported in one transaction. The rules run again on what the site
 * knows at this moment, so a reader who unsubscribed since the preview stays unsubscribed.
 */
export async function runImport(sealed: string, userId: string, now = new Date()): Promise<ImportDone | Failure> {
  const opened = unsealImport(sealed, userId, appSecret(), now.getTime());
  if (!opened.ok) return opened;
  const read = parseSubscriberCsv(opened.text);
  if (!read.ok) return read;
  const counts = await applyImport(emailsOf(read.rows), (known) => planImport(read.rows, (email) => known.get(email) ?? {}, now).writes);
  const site = await getSite();
  const message =
    `Imported: ${plural(counts.added, 'subscriber', site)} added, ${plural(counts.updated, 'subscriber', site)} updated, ` +
    `${plural(counts.suppressed, 'address', site, 'addresses')} suppressed; the other rows were skipped. No confirmation email was sent.`;
  return { ok: true, counts: { ...counts, rows: read.rows.length }, message };
}
