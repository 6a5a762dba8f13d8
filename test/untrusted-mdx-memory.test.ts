import { describe, expect, it } from 'vitest';

// Its own file, so its own module graph: the limits are read when the env module loads. The time
// limit is raised so that the memory limit is what stops the body, however loaded the machine.
process.env.MDX_WORKER_MEMORY_MB = '64';
process.env.MDX_WORKER_TIME_LIMIT_MS = '60000';
const { compileDraftMdx } = await import('@/lib/content/draft-mdx');
const { untrustedMdxThreads } = await import('@/lib/content/untrusted/pool');

// 700 rows of 63 cells: within every cheap check, yet the parser's tokens take hundreds of MB.
const wideTable = `|${'a|'.repeat(63)}\n|${'-|'.repeat(63)}\n${`|${'a|'.repeat(63)}\n`.repeat(700)}`;

describe('the untrusted-MDX worker’s memory limit', () => {
  it('refuses a body that needs more memory than the limit, and replaces the worker', async () => {
    expect(await compileDraftMdx('## Fine\n\nA small body.')).toMatchObject({ ok: true });
    const before = untrustedMdxThreads().drafts?.threadIds ?? [];
    expect(await compileDraftMdx(wideTable)).toEqual({ ok: false, kind: 'too-complex', reason: 'it needed more than 64 MB of memory to read.' });
    await expect.poll(() => untrustedMdxThreads().drafts?.threadIds.length).toBe(2);
    const after = untrustedMdxThreads().drafts?.threadIds ?? [];
    expect(after.filter((id) => before.includes(id))).toHaveLength(1);
    expect(await compileDraftMdx('## Fine\n\nAnother small body.')).toMatchObject({ ok: true });
  });
});
