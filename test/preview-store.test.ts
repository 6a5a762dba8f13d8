import { describe, expect, it } from 'vitest';

import { createPreviewStore, entryBytes } from '@/lib/drafts/preview-store';
import { PREVIEW_BUDGET_BYTES } from '@/lib/drafts/typed-preview';

const MB = 1024 * 1024;
// A post as large as a server action may be (11 MB), as characters of the body field.
const post = (chars: number, mark = 'x') => ({ draftId: 'draft', userId: 'user', values: { title: 'T', body: mark.repeat(chars) } });

describe('the no-JavaScript preview store', () => {
  it('holds no more bytes than its budget however many large posts arrive, evicting the oldest first', () => {
    const store = createPreviewStore({ budgetBytes: PREVIEW_BUDGET_BYTES, lifetimeMs: 60_000 });
    const eleven = post((11 * MB) / 2);
    expect(entryBytes(eleven)).toBeGreaterThan(11 * MB);
    for (let i = 0; i < 50; i += 1) {
      expect(store.put(`post-${i}`, eleven)).toBe(true);
      expect(store.bytes).toBeLessThanOrEqual(PREVIEW_BUDGET_BYTES);
    }
    // 32 MB holds two 11 MB posts: the two newest.
    expect(store.size).toBe(2);
    expect(store.take('post-47')).toBeUndefined();
    expect(store.take('post-48')?.values.body?.length).toBe((11 * MB) / 2);
    expect(store.take('post-49')).toBeDefined();
    expect(store.bytes).toBe(0);
  });

  it('keeps many small previews side by side, and gives each back once', () => {
    const store = createPreviewStore({ budgetBytes: PREVIEW_BUDGET_BYTES, lifetimeMs: 60_000 });
    for (let i = 0; i < 200; i += 1) store.put(`small-${i}`, post(5_000, String(i % 10)));
    expect(store.size).toBe(200);
    expect(store.take('small-3')?.values.body).toBe('3'.repeat(5_000));
    expect(store.take('small-3')).toBeUndefined();
  });

  it('refuses one post larger than the whole budget, and keeps what it held', () => {
    const store = createPreviewStore({ budgetBytes: 4 * MB, lifetimeMs: 60_000 });
    expect(store.put('small', post(1_000))).toBe(true);
    expect(store.put('huge', post(3 * MB))).toBe(false);
    expect(store.size).toBe(1);
    expect(store.take('small')).toBeDefined();
  });

  it('forgets previews after their lifetime, even with room to spare', () => {
    let now = 0;
    const store = createPreviewStore({ budgetBytes: PREVIEW_BUDGET_BYTES, lifetimeMs: 60_000, now: () => now });
    store.put('old', post(1_000));
    store.put('also-old', post(1_000));
    now = 61_000;
    expect(store.take('also-old')).toBeUndefined();
    store.put('new', post(1_000));
    expect(store.size).toBe(1);
    expect(store.bytes).toBe(entryBytes(post(1_000)));
  });
});
