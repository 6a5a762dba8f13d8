import { precheckMdx } from '@/lib/content/untrusted/precheck';

// Parsing runs in the page, where a body the server's workers would stop after their time limit
// would freeze the writer's tab instead. Such bodies stay in the plain field: the server's own cheap
// checks, and fewer lines than the slowest body they let through (a long story has a few hundred).
const MAX_LINES = 1_000;

/** Why this body should not be opened in the rich editor (or counted in the page), or null. */
export function tooComplexToOpen(source: string): string | null {
  const problem = precheckMdx(source);
  if (problem) return problem.charAt(0).toUpperCase() + problem.slice(1);
  const lines = source.split('\n').length;
  return lines > MAX_LINES ? `It has ${lines.toLocaleString('en-GB')} lines (the rich editor opens at most ${MAX_LINES.toLocaleString('en-GB')}).` : null;
}
