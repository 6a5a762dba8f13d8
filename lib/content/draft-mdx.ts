import 'server-only';
import { precheckMdx } from './untrusted/precheck';
import { runUntrustedMdx, type RunOptions } from './untrusted/pool';
import type { UntrustedMdxResult } from './untrusted/result';

export type DraftMdxResult = UntrustedMdxResult;
export { describeFailure, describeMdxProblem, TOO_COMPLEX } from './untrusted/result';

/**
 * Checks and compiles MDX written in the newsroom's browser: the one way any server code reads an
 * untrusted body. Cheap checks of its shape run here first; the parsing and compiling run in a
 * worker thread with a time and a memory limit (untrusted/pool.ts), never on the main thread.
 */
export async function compileDraftMdx(source: string, options: RunOptions = {}): Promise<DraftMdxResult> {
  const tooComplex = precheckMdx(source);
  if (tooComplex) return { ok: false, kind: 'too-complex', reason: tooComplex };
  return runUntrustedMdx(source, options);
}
