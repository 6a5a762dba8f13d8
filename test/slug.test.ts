import { describe, expect, it } from 'vitest';

import { slugify } from '@/lib/drafts/slug';
import { isSlug } from '@/lib/validation';

describe('slugify', () => {
  it('transliterates letters that have no combining accent to drop', () => {
    expect(slugify('Straße')).toBe('strasse');
    expect(slugify('Øresund')).toBe('oresund');
    expect(slugify('Łódź')).toBe('lodz');
  });

  it('writes German umlauts the German way, as the city itself does (muenster.de)', () => {
    expect(slugify('Café Münster')).toBe('cafe-muenster');
  });

  it('keeps words apart however they were separated', () => {
    expect(slugify('  Café  Naïve! ')).toBe('cafe-naive');
    expect(slugify('2027/28 budget: snake_case and Q&A')).toBe('2027-28-budget-snake-case-and-q-and-a');
    expect(slugify('iPhone')).toBe('iphone');
    expect(slugify('ﬁnance')).toBe('finance');
  });

  it('gives an empty slug for text with no Latin equivalent, so the caller falls back', () => {
    expect(slugify('🎉🎉')).toBe('');
    expect(slugify('東京')).toBe('');
  });

  it('stops at 80 characters without a trailing hyphen, and always makes a valid slug', () => {
    const long = slugify('word '.repeat(40));
    expect(long.length).toBeLessThanOrEqual(80);
    expect(isSlug(long)).toBe(true);
    for (const text of ['Straße', 'Øresund', 'A — B – C', "O'Brien's café"]) expect(isSlug(slugify(text))).toBe(true);
  });
});
