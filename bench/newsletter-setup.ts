// The newsletter benchmark's set-up, in a process that reads DATABASE_URL (the throwaway database)
// from its start: brings the confirmed subscribers up to <count>, publishes a draft the first time,
// starts its send through startSend (resending after the first) and writes the rendered message to
// <file> for the ceiling. Prints the send's id, the draft's id and startSend's time (the body
// already compiled, as on a running server) as JSON.
import { writeFileSync } from 'node:fs';

import { sql } from 'drizzle-orm';

import { closeDb, getDb } from '@/db';
import { countSendsOf, getPublishedSnapshot, getSend } from '@/db/queries/newsletter-sends';
import { publishDraft } from '@/db/queries/publishing';
import { subscribers } from '@/db/schema';
import { getArticleCode, getCategories } from '@/lib/content';
import { draftToArticle } from '@/lib/content/draft-article';
import { startSend } from '@/lib/newsletter/sends';

import { searchEntryFor, seedDraft } from '../test/helpers/drafts';

const [count, file, existing] = process.argv.slice(2);
const paragraph =
  'The council met on Tuesday to discuss the harbour, the ferries and next year’s budget. ' + 'Residents asked about parking, bus routes and the library. '.repeat(4);
const body = Array.from({ length: 12 }, (_, index) => `## Part ${index + 1}\n\n${paragraph}\n\n- one point\n- another point\n`).join('\n');

let draft = existing ? { id: existing, writerId: '' } : undefined;
if (!draft) {
  const seeded = await seedDraft({ body });
  // The MDX worker threads take a few seconds to start, longer on a busy machine.
  for (let attempt = 1; ; attempt++) {
    const entry = await searchEntryFor(seeded.id).catch((error: unknown) => (attempt < 20 ? null : Promise.reject(error)));
    if (entry) {
      await publishDraft(seeded.id, 1, entry);
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
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

// A running server has compiled the article's body when its page was first shown; so does this, first.
const snapshot = (await getPublishedSnapshot(draft.id))!;
const article = await draftToArticle({ id: draft.id, content: snapshot.content, publishedAt: snapshot.publishedAt }, await getCategories());
if (article.ok) await getArticleCode(article.article);

// A resend names the send it follows, as the newsroom's form does (sequences run 1, 2, …).
const seenSequence = await countSendsOf(draft.id);
const started = performance.now();
const result = await startSend({ draftId: draft.id, by: author!.id, again: Boolean(existing), seenSequence });
const startMs = performance.now() - started;
if (!result.ok) throw new Error(result.error);
const send = (await getSend(result.sendId))!;
writeFileSync(file!, JSON.stringify({ subject: send.subject, html: send.html, text: send.text }));
await closeDb();
console.log(JSON.stringify({ sendId: send.id, draftId: draft.id, startMs, recipients: send.recipients }));
process.exit(0);
