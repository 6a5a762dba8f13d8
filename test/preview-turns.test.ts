import { randomUUID } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { takeCompileTurn, takePreviewTurn } from '@/lib/drafts/preview-turns';

describe('compile turns: bursts', () => {
  it('allows a burst of previews, then about one a second, and says when to ask again', () => {
    const person = randomUUID();
    const start = 1_000_000;
    for (let turn = 0; turn < 5; turn += 1) expect(takePreviewTurn(person, start)).toMatchObject({ ok: true });
    expect(takePreviewTurn(person, start)).toEqual({ ok: false, retryAfterMs: 1000 });
    expect(takePreviewTurn(person, start + 400)).toEqual({ ok: false, retryAfterMs: 600 });
    expect(takePreviewTurn(person, start + 1000)).toMatchObject({ ok: true });
    expect(takePreviewTurn(randomUUID(), start + 1000)).toMatchObject({ ok: true });
  });

  it('limits a burst of saves, but never refuses someone saving a few times a minute, however much they preview', () => {
    const burst = randomUUID();
    for (let turn = 0; turn < 5; turn += 1) expect(takeCompileTurn(burst, 'check', 0)).toMatchObject({ ok: true });
    expect(takeCompileTurn(burst, 'check', 0)).toEqual({ ok: false, retryAfterMs: 2000 });
    const writer = randomUUID();
    for (let second = 0; second < 600; second += 1) {
      takePreviewTurn(writer, second * 1000);
      if (second % 10 === 0) expect(takeCompileTurn(writer, 'check', second * 1000)).toMatchObject({ ok: true });
    }
  });
});
