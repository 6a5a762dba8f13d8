import { describe, expect, it } from 'vitest';

import { pathologicalBodies, slowBody } from '@/e2e/helpers/pathological-mdx';
import { compileDraftMdx, describeFailure, TOO_COMPLEX } from '@/lib/content/draft-mdx';
import { loadContent } from '@/lib/content/load';
import { compileMdx } from '@/lib/content/mdx';
import { parseMdx } from '@/lib/content/mdx-tree';
import { countWords } from '@/lib/content/reading-time';
import { untrustedMdxThreads } from '@/lib/content/untrusted/pool';
import { precheckMdx } from '@/lib/content/untrusted/precheck';
import { env } from '@/lib/env.mjs';

const LIMIT_MS = env.MDX_WORKER_TIME_LIMIT_MS;
// Slack for a loaded machine: starting a worker, handing the body over and back.
const SLACK_MS = 1_500;
const draft = '## Water levels\n\nThe river rose **fast**[^1].\n\n<PullQuote cite="A resident">It came up fast.</PullQuote>\n\n[^1]: At the bridge.\n';

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
}

describe('untrusted MDX off the main thread', () => {
  for (const [name, body] of Object.entries(pathologicalBodies)) {
    it(`answers “too complex” within the limit: ${name}`, async () => {
      const { result, ms } = await timed(() => compileDraftMdx(body));
      expect(result).toMatchObject({ ok: false, kind: 'too-complex' });
      expect(describeFailure(result as Extract<typeof result, { ok: false }>)[0]).toMatch(new RegExp(`^${TOO_COMPLEX}`));
      expect(ms).toBeLessThan(LIMIT_MS + SLACK_MS);
    });
  }

  it('compiles a normal draft exactly as the compiler does in-process', async () => {
    const result = await compileDraftMdx(draft);
    expect(result).toEqual({ ok: true, code: await compileMdx(draft, 'the draft'), words: countWords(parseMdx(draft)) });
  });

  it('still refuses what a draft may not contain, with its line and column', async () => {
    const result = await compileDraftMdx('# Title\n\nSome text and {1 + 1} more.');
    expect(result).toEqual({ ok: false, kind: 'refused', problems: [{ line: 3, column: 15, reason: expect.stringContaining('curly braces') }] });
  });

  it('stops a body that passes the cheap checks but reads too slowly, replaces the worker, and compiles the next one', async () => {
    await compileDraftMdx(draft);
    const before = untrustedMdxThreads().drafts?.threadIds ?? [];
    expect(before).toHaveLength(2);
    expect(precheckMdx(slowBody)).toBeNull();
    const { result, ms } = await timed(() => compileDraftMdx(slowBody));
    expect(result).toEqual({ ok: false, kind: 'too-complex', reason: `it took longer than ${LIMIT_MS / 1000} seconds to read.` });
    expect(ms).toBeGreaterThanOrEqual(LIMIT_MS - 50);
    expect(ms).toBeLessThan(LIMIT_MS + SLACK_MS);
    expect(await compileDraftMdx(draft)).toEqual({ ok: true, code: await compileMdx(draft, 'the draft'), words: countWords(parseMdx(draft)) });
    // The thread that ran it was terminated and a new one took its place; the other kept working.
    await expect.poll(() => untrustedMdxThreads().drafts?.threadIds.length).toBe(2);
    const after = untrustedMdxThreads().drafts?.threadIds ?? [];
    expect(after.filter((id) => before.includes(id))).toHaveLength(1);
    // Two at once: one of them runs on the new thread.
    const both = await Promise.all([compileDraftMdx(draft), compileDraftMdx(`${draft}\nOne more line.\n`)]);
    expect(both.map((one) => one.ok)).toEqual([true, true]);
    // Sent again (saved after its preview), it is answered from memory, without a second time-out.
    const again = await timed(() => compileDraftMdx(slowBody));
    expect(again.result).toEqual(result);
    expect(again.ms).toBeLessThan(LIMIT_MS - 50);
    expect(untrustedMdxThreads().drafts?.threadIds.toSorted()).toEqual(after.toSorted());
  });

  it('lets every article in content/ through the cheap checks', async () => {
    const { articles } = await loadContent();
    expect(articles.length).toBeGreaterThan(0);
    for (const article of articles) expect(precheckMdx(article.body), article.file).toBeNull();
  });
});
