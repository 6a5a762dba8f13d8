import { randomUUID } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { draftFieldsSchema, MAX_BODY } from '@/lib/drafts/schema';

const authorIds = [randomUUID()];

const fields = (overrides: Record<string, string | string[]>) =>
  draftFieldsSchema.safeParse({
    title: 'A title',
    slug: '',
    standfirst: '',
    category: '',
    tags: '',
    authorIds,
    heroImageId: '',
    heroAlt: '',
    heroCredit: '',
    body: '',
    ...overrides,
  });

describe('line breaks in a draft', () => {
  it('stores a form post’s CRLF (and a lone CR) as the LF the rich editor sends', () => {
    const posted = fields({ body: '## Ferry\r\n\r\nBack on Monday.\rMore.', standfirst: 'One line.\r\nAnother.' });
    const typed = fields({ body: '## Ferry\n\nBack on Monday.\nMore.', standfirst: 'One line.\nAnother.' });
    expect(posted.success && typed.success).toBe(true);
    expect(posted.data?.body).toBe('## Ferry\n\nBack on Monday.\nMore.');
    expect(posted.data?.standfirst).toBe('One line.\nAnother.');
    expect(posted.data).toEqual(typed.data);
  });

  it('measures the body after the line breaks are made one character', () => {
    const lines = 'x\r\n'.repeat(MAX_BODY / 2);
    expect(lines.length).toBeGreaterThan(MAX_BODY);
    expect(fields({ body: lines }).success).toBe(true);
    expect(fields({ body: 'x'.repeat(MAX_BODY + 1) }).error?.issues[0]?.message).toMatch(/^The body can have at most 100,000 characters\.$/);
  });
});
