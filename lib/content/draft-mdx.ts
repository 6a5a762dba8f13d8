import { compileMdx } from './mdx';
import { checkUntrustedMdx, type MdxProblem } from './safe-mdx';

export type DraftMdxResult = { ok: true; code: string } | { ok: false; problems: MdxProblem[] };

/**
 * Compiles MDX written in the newsroom's browser. It is checked first, so only Markdown and the
 * newsroom components with literal props ever reach the compiler (whose output runs on the server).
 */
export async function compileDraftMdx(source: string, label = 'the draft'): Promise<DraftMdxResult> {
  const problems = checkUntrustedMdx(source);
  if (problems.length > 0) return { ok: false, problems };
  try {
    // Not cached: every preview keystroke is a new source, and a cache would grow without bound.
    return { ok: true, code: await compileMdx(source, label) };
  } catch (error) {
    // The checker accepted it, so this is a Markdown construct the compiler still rejects.
    const detail = error instanceof Error ? error.message.split('\n').slice(1).join(' ').trim() : '';
    return { ok: false, problems: [{ line: 1, column: 1, reason: `This MDX could not be compiled. ${detail}`.trim() }] };
  }
}

export function describeMdxProblem(problem: MdxProblem): string {
  return `Line ${problem.line}, column ${problem.column}: ${problem.reason}`;
}
