const MAX_SLUG = 80;

/** An address made from any text: lower-case ASCII words joined by hyphens, accents dropped. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_SLUG)
    .replace(/^-+|-+$/g, '');
}

/** The same format the database enforces (drafts_slug_format). */
export const SLUG_FORMAT = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function slugTakenMessage(slug: string): string {
  return `The address “${slug}” is already used by another article. Choose another one.`;
}
