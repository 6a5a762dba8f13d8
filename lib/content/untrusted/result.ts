import type { MdxProblem } from '../safe-mdx';

/**
 * What checking and compiling an untrusted body gives: the compiled code and the words a reader
 * reads (lib/content/reading-time.ts); or why not: it is MDX a
 * draft may not contain (`refused`, with places), it would take too long or too much memory to
 * read (`too-complex`), or it was not read at all (`unavailable`: superseded, or the queue is full).
 */
export type UntrustedMdxResult =
  | { ok: true; code: string; words: number }
  | { ok: false; kind: 'refused'; problems: MdxProblem[] }
  | { ok: false; kind: 'too-complex'; reason: string }
  | { ok: false; kind: 'unavailable'; reason: string };

/** Runs a compile in the turn of the person who sent the body (lib/drafts/preview-turns.ts). */
export type CompileGate = (compile: () => Promise<UntrustedMdxResult>) => Promise<UntrustedMdxResult>;

export const TOO_COMPLEX = 'This body is too complex to render:';

export function describeMdxProblem(problem: MdxProblem): string {
  return `Line ${problem.line}, column ${problem.column}: ${problem.reason}`;
}

/** The lines to show the editor for a failed result. */
export function describeFailure(result: UntrustedMdxResult & { ok: false }): string[] {
  if (result.kind === 'refused') return result.problems.map(describeMdxProblem);
  if (result.kind === 'too-complex') return [`${TOO_COMPLEX} ${result.reason} Simplify it (fewer nested quotes or lists, fewer marks in one paragraph), or split it.`];
  return [result.reason];
}
