import { describe, expect, it } from 'vitest';

import { sendAgainSchema } from '@/lib/publishing/schema';
import { formatCount, plural } from '@/lib/text/plural';

describe('counts in words', () => {
  it('groups digits as the site’s locale does and picks the noun’s number', () => {
    const site = { locale: 'en-GB' };
    expect(plural(1, 'reader', site)).toBe('1 reader');
    expect(plural(0, 'reader', site)).toBe('0 readers');
    expect(plural(10_204, 'address', site, 'addresses')).toBe('10,204 addresses');
    expect(formatCount(10_204, { locale: 'de-DE' })).toBe('10.204');
  });
});

describe('"Send again"', () => {
  const draftId = '7b0c3a52-8f1e-4d2a-9c6b-1e2f3a4b5c6d';

  it('names the send the editor saw, or is refused with a clear message', () => {
    expect(sendAgainSchema.safeParse({ draftId, understood: 'yes', seenSequence: '2' })).toMatchObject({ success: true, data: { seenSequence: 2 } });
    for (const seenSequence of [undefined, '', '0', 'two', '1.5']) {
      const parsed = sendAgainSchema.safeParse({ draftId, understood: 'yes', seenSequence });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues.map((issue) => issue.message)).toEqual(['Reload the page and try again.']);
    }
  });
});
