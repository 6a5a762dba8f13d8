import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { supersedePreview, takePreviewTurn } from '@/lib/drafts/preview-turns';

describe('live preview turns', () => {
  it('allows a burst, then about one a second, and says when to ask again', () => {
    const person = randomUUID();
    const start = 1_000_000;
    for (let turn = 0; turn < 5; turn += 1) expect(takePreviewTurn(person, start)).toMatchObject({ ok: true });
    expect(takePreviewTurn(person, start)).toEqual({ ok: false, retryAfterMs: 1000 });
    expect(takePreviewTurn(person, start + 400)).toEqual({ ok: false, retryAfterMs: 600 });
    expect(takePreviewTurn(person, start + 1000)).toMatchObject({ ok: true });
    expect(takePreviewTurn(randomUUID(), start + 1000)).toMatchObject({ ok: true });
  });

  it('drops the previous preview of the same person, not anyone else’s', () => {
    const person = randomUUID();
    const other = randomUUID();
    const first = takePreviewTurn(person);
    const theirs = takePreviewTurn(other);
    const second = takePreviewTurn(person);
    if (!first.ok || !second.ok || !theirs.ok) throw new Error('expected turns');
    expect(first.signal.aborted).toBe(true);
    expect(second.signal.aborted).toBe(false);
    expect(theirs.signal.aborted).toBe(false);
    // "Preview" pressed by hand is a newer preview too.
    supersedePreview(person);
    expect(second.signal.aborted).toBe(true);
  });
});
