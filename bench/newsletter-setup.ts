// The newsletter benchmark's set-up, in a process that reads DATABASE_URL (the throwaway database)
// from its start: brings the confirmed subscribers up to <count>, publishes a draft the first time,
// starts its send through startSend (resending after the first) and writes the rendered message to
// <file> for the ceiling. Prints the send's id, the draft's id and startSend's time as JSON.
import { writeFileSync } from 'node:fs';

import { sql } from 'drizzle-orm';

import { closeDb, getDb } from '@/db';
import { getSend } from '@/db/queries/newsletter-sends';
import { publishDraft } from '@/db/queries/publishing';
import { subscribers } from '@/db/schema';
import { startSend } from '@/lib/newsletter/sends';

import { searchEntryFor, seedDraft } from '../test/helpers/drafts';

const [count, file, existing] = process.argv.slice(2);
const paragraph =
  'The council met on Tuesday to discuss the harbour, the ferries and next year’s budget. ' + 'Residents asked about parking, bus routes and the library. '.repeat(4);
const body = Array.from({ length: 12 }, (_, index) => `## Part ${index + 1}\n\n${paragraph}\n\n- one point\n- another point\n`).join('\n');

let draft = existing ? { id: existing, authorId: '' } : undefined;
if (!draft) {
  const seeded = await seedDraft({ body });
  await publishDraft(seeded.id, 1, await searchEntryFor(seeded.id));
  draft = seeded;
}
const [have] = await getDb().execute<{ count: number }>(sql`select count(*)::int as count from subscribers`);
const rows = Array.from({ length: Number(count) - have!.count }, (_, index) => ({
  email: `reader-${have!.count + index}@bench.example`,
  status: 'confirmed' as const,
  confirmedAt: new Date(),
}));
for (let start = 0; start < rows.length; start += 5_000)
  await getDb()
    .insert(subscribers)
    .values(rows.slice(start, start + 5_000));
const [author] = await getDb().execute<{ id: string }>(sql`select created_by as id from drafts where id = ${draft.id}`);

const started = performance.now();
const result = await startSend({ draftId: draft.id, by: author!.id, again: Boolean(existing) });
const startMs = performance.now() - started;
if (!result.ok) throw new Error(result.error);
const send = (await getSend(result.sendId))!;
writeFileSync(file!, JSON.stringify({ subject: send.subject, html: send.html, text: send.text }));
await closeDb();
console.log(JSON.stringify({ sendId: send.id, draftId: draft.id, startMs, recipients: send.recipients }));
process.exit(0);
