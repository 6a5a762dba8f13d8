import { randomUUID } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DraftPreview } from '@/components/editor/draft-preview';
import { closeDb } from '@/db';
import { createUser, type PublicUser } from '@/db/queries/users';
import { slowBody } from '@/e2e/helpers/pathological-mdx';
import { compileDraftMdx } from '@/lib/content/draft-mdx';
import { untrustedMdxThreads } from '@/lib/content/untrusted/pool';
import { checkDraft } from '@/lib/drafts/check';
import { CHECK_RUNNING, compileGate, SUPERSEDED, takePreviewTurn } from '@/lib/drafts/preview-turns';
import { draftFieldsSchema } from '@/lib/drafts/schema';

afterAll(closeDb);

let attacker: PublicUser;
let colleague: PublicUser;
beforeAll(async () => {
  const person = async (name: string) => (await createUser({ email: `${name}-${randomUUID()}@newsroom.example`, name, role: 'contributor', passwordHash: 'x' }))!;
  [attacker, colleague] = await Promise.all([person('attacker'), person('colleague')]);
  await compileDraftMdx('## Warm\n\nThreads started.');
});

const form = (user: PublicUser, body: string) =>
  draftFieldsSchema.parse({ title: 'A title', slug: '', standfirst: '', category: '', tags: '', authorIds: [], heroImageId: '', heroAlt: '', heroCredit: '', body });
// Slow enough that a body is still compiling when the next one asks for a turn (about 200 ms alone),
// yet far inside the 2 s time limit on a busy machine, so its thread is never replaced for overrunning.
const moderate = (n: number) => `${`${'- '.repeat(9)}x\n`.repeat(50)}\nPreview ${n}.\n`;
const threadIds = () => (untrustedMdxThreads().drafts?.threadIds ?? []).toSorted();

describe('one person’s bodies take one worker slot', () => {
  it('18 parallel saves of different slow bodies by one person leave the other thread free for a colleague', async () => {
    let mostQueued = 0;
    const watching = setInterval(() => (mostQueued = Math.max(mostQueued, untrustedMdxThreads().drafts?.queued ?? 0)), 10);
    const saves = Array.from({ length: 18 }, (_, n) => checkDraft(form(attacker, `${slowBody}\nVariant ${n}.\n`), attacker));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const theirs = await checkDraft(form(colleague, '## Normal\n\nA normal body.'), colleague);
    const answers = await Promise.all(saves);
    clearInterval(watching);
    expect(theirs).toMatchObject({ ok: true });
    // It never queued behind the attacker's bodies (the waits in milliseconds are bench:mdx-abuse's).
    expect(mostQueued).toBe(0);
    const bodies = answers.map((answer) => (answer.ok ? 'saved' : answer.fieldErrors.body?.[0]));
    // The first runs, one more waits its turn; the rest are asked to try again.
    expect(bodies.filter((body) => body?.startsWith('This body is too complex'))).toHaveLength(2);
    expect(bodies.filter((body) => body === CHECK_RUNNING)).toHaveLength(16);
    expect(answers.find((answer) => !answer.ok && answer.fieldErrors.body?.[0] === CHECK_RUNNING)).toMatchObject({ error: `Not saved: ${CHECK_RUNNING}` });
  });

  it('superseding previews discards stale answers but never terminates a worker', async () => {
    // The previous test's overrunning bodies had their threads replaced: wait until the replacements settle.
    const settled = async () => {
      const ids = threadIds();
      await new Promise((resolve) => setTimeout(resolve, 500));
      return ids.length === 2 && ids.join() === threadIds().join();
    };
    await expect.poll(settled, { timeout: 20_000 }).toBe(true);
    const before = threadIds();
    const person = randomUUID();
    const previews = [0, 1, 2, 3].map((n) => {
      const turn = takePreviewTurn(person);
      if (!turn.ok) throw new Error('expected a turn');
      return compileDraftMdx(moderate(n), { gate: turn.gate });
    });
    const answers = await Promise.all(previews);
    expect(answers.slice(0, 3)).toEqual([0, 1, 2].map(() => ({ ok: false, kind: 'unavailable', reason: SUPERSEDED })));
    expect(answers[3]).toMatchObject({ ok: true });
    expect(threadIds()).toEqual(before);
  });

  it('a waiting save is not replaced by a preview, and a page’s preview (the no-JavaScript one) is gated too', async () => {
    const person = randomUUID();
    // The running check holds its turn until the end of the test, however fast the machine is.
    let finish!: () => void;
    const held = new Promise<void>((resolve) => (finish = resolve));
    const running = compileGate(person)(() => held.then(() => compileDraftMdx(moderate(10))));
    const waitingSave = compileDraftMdx(moderate(11), { gate: compileGate(person) });
    const preview = takePreviewTurn(person);
    if (!preview.ok) throw new Error('expected a turn');
    expect(await compileDraftMdx(moderate(12), { gate: preview.gate })).toEqual({ ok: false, kind: 'unavailable', reason: CHECK_RUNNING });
    const page = await DraftPreview({
      draft: { id: randomUUID(), content: { ...form(attacker, moderate(13)), slug: 'a-title' }, publishedAt: null, updatedAt: null },
      gate: compileGate(person, 'preview'),
    });
    expect(JSON.stringify(page)).toContain(CHECK_RUNNING);
    finish();
    expect(await running).toMatchObject({ ok: true });
    expect(await waitingSave).toMatchObject({ ok: true });
  });
});
