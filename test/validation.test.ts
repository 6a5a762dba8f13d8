import { randomUUID } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { emailSchema, isSlug, isUuid, slugSchema, uuidSchema } from '@/lib/validation';

describe('validation primitives', () => {
  it('takes slugs of lower-case words joined by single hyphens', () => {
    for (const ok of ['town-hall', 'budget-2027', 'a']) expect(isSlug(ok)).toBe(true);
    for (const bad of ['', 'Town-Hall', 'town--hall', '-town', 'town-', 'town_hall', 'café']) expect(isSlug(bad)).toBe(false);
    expect(slugSchema.safeParse('town hall').success).toBe(false);
  });

  it('takes ids as PostgreSQL prints them, with the caller’s message for anything else', () => {
    expect(isUuid(randomUUID())).toBe(true);
    expect(isUuid(randomUUID().toUpperCase())).toBe(false);
    expect(isUuid('not-an-id')).toBe(false);
    expect(uuidSchema('Unknown draft.').safeParse('x').error?.issues[0]?.message).toBe('Unknown draft.');
    expect(uuidSchema('Unknown draft.').safeParse(42).error?.issues[0]?.message).toBe('Unknown draft.');
  });

  it('trims and lower-cases email addresses before checking them', () => {
    expect(emailSchema.parse('  Reader@Example.COM ')).toBe('reader@example.com');
    expect(emailSchema.safeParse('reader@').success).toBe(false);
  });
});
