import 'server-only';

import { listUncountedPublished, storeWordCount } from '@/db/queries/word-counts';
import { log } from '@/lib/log';

import { compileDraftMdx, describeFailure } from './draft-mdx';

// Saves and publications store the word count of the body they checked. Revisions published before
// that have none: they are counted once, at server start, in the readers' lane of the untrusted-MDX
// workers (a newsroom body is never parsed on this thread), so no reader's request ever compiles a
// body just to count it. Until then, their articles show no reading time.

const BATCH = 20;
// One call's share of the work: it answers well inside the loopback's time-out (lib/jobs/loopback.ts).
const BUDGET_MS = 30_000;

/** `more`: time ran out with bodies left, and this call made progress (so calling again will too). */
export type CountRun = { counted: number; more: boolean };

/** Counts and stores the words of published revisions that have no count, for up to `budgetMs`. */
export async function countUncountedPublished(budgetMs = BUDGET_MS): Promise<CountRun> {
  const started = Date.now();
  // Bodies the worker could not read (too complex or refused under today's rules, or a full queue)
  // are left uncounted and tried again at the next start; their articles cannot render either.
  const skip: string[] = [];
  let counted = 0;
  for (;;) {
    const batch = await listUncountedPublished(BATCH, skip);
    if (batch.length === 0) return { counted, more: false };
    for (const revision of batch) {
      if (Date.now() - started > budgetMs) return { counted, more: counted > 0 };
      const result = await compileDraftMdx(revision.body, { lane: 'readers', label: `the published article ${revision.slug}` });
      if (result.ok) {
        await storeWordCount({ revisionId: revision.id }, result.words);
        counted += 1;
      } else {
        skip.push(revision.id);
        log.error(`The words of the published article ${revision.slug} cannot be counted: ${describeFailure(result).join(' ')}`);
      }
    }
  }
}
