import librarySlugify from '@sindresorhus/slugify';

/** The longest address a draft may have (the draft form refuses longer ones). */
export const SLUG_MAX_LENGTH = 80;

/**
 * An address made from any text: lower-case ASCII words joined by hyphens, letters transliterated
 * ("Straße" → "strasse", "Øresund" → "oresund"). Text with no Latin equivalent (emoji, CJK) gives "",
 * and the caller picks a fallback. NFKC first, so ligatures and compatibility forms ("ﬁ", "Ⅻ") count
 * as the letters they stand for.
 */
export function slugify(text: string): string {
  return librarySlugify(text.normalize('NFKC'), { decamelize: false }).slice(0, SLUG_MAX_LENGTH).replace(/-+$/, '');
}

export function slugTakenMessage(slug: string): string {
  return `The address “${slug}” is already used by another article. Choose another one.`;
}
