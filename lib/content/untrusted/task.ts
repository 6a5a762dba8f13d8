import type { MessagePort } from 'node:worker_threads';

import { compileMdx } from '../mdx';
import { countWords } from '../reading-time';
import { checkUntrustedMdx, readUntrustedMdx } from '../safe-mdx';
import type { UntrustedMdxResult } from './result';

export type UntrustedMdxTask = { source: string; label: string; started: MessagePort };

/**
 * Runs inside the worker (see pool.ts): checks MDX written in the newsroom's browser and compiles
 * it, so only Markdown and the newsroom components with literal props ever reach the compiler
 * (whose output runs on the server). The pool's clock starts when this says it has started.
 */
export async function checkAndCompile({ source, label, started }: UntrustedMdxTask): Promise<UntrustedMdxResult> {
  started.postMessage('started');
  started.close();
  let problems;
  let words = 0;
  try {
    const read = readUntrustedMdx(source);
    problems = read.problems;
    // Counted here, from the tree the check parsed: saves store the count, so listings never parse.
    if (read.tree && problems.length === 0) words = countWords(read.tree);
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, kind: 'too-complex', reason: 'it is nested too deeply to be read.' };
    throw error;
  }
  if (problems.length > 0) return { ok: false, kind: 'refused', problems };
  try {
    // Not cached: every preview keystroke is a new source, and a cache would grow without bound.
    return { ok: true, code: await compileMdx(source, label), words };
  } catch (error) {
    // The checker accepted it, so this is a Markdown construct the compiler still rejects.
    const detail = error instanceof Error ? error.message.split('\n').slice(1).join(' ').trim() : '';
    return { ok: false, kind: 'refused', problems: [{ line: 1, column: 1, reason: `This MDX could not be compiled. ${detail}`.trim() }] };
  }
}

/** Reads and compiles a small body once, so the worker's first real body starts warm. */
export async function warmUp(): Promise<void> {
  checkUntrustedMdx('## Warm\n\nUp *and* **ready**.');
  await compileMdx('## Warm\n\nUp *and* **ready**.', 'the warm-up');
}
