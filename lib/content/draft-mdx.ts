import 'server-only';

import { type RunOptions,runUntrustedMdx } from './untrusted/pool';
import { precheckMdx } from './untrusted/precheck';
import type { CompileGate, UntrustedMdxResult } from './untrusted/result';

export type DraftMdxResult = UntrustedMdxResult;
export type { CompileGate } from './untrusted/result';
export { describeFailure, describeMdxProblem, TOO_COMPLEX } from './untrusted/result';

/**
 * Checks and compiles MDX written in the newsroom's browser: the one way any server code reads an
 * untrusted body. Cheap checks of its shape run here first; the parsing and compiling run in a
 * worker thread with a time and a memory limit (untrusted/pool.ts), never on the main thread.
 * `gate` is the turn of the person who sent it, so no one person can fill the pool.
 */
export async function compileDraftMdx(source: string, { gate, ...options }: RunOptions & { gate?: CompileGate } = {}): Promise<DraftMdxResult> {
  const tooComplex = precheckMdx(source);
  if (tooComplex) return { ok: false, kind: 'too-complex', reason: tooComplex };
  return gate ? gate(() => runUntrustedMdx(source, options)) : runUntrustedMdx(source, options);
}
