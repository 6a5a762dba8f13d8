import { z } from 'zod';

/**
 * An address segment: lower-case ASCII words joined by single hyphens. Articles, categories, tags,
 * authors and drafts all use it; db/schema.ts's drafts_slug_format check repeats it in SQL.
 */
const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isSlug(value: string): boolean {
  return SLUG_PATTERN.test(value);
}

const SITE_ORIGIN = 'https://site.invalid';

/**
 * A path on this site. Starting with "/" is not enough: browsers read "\" as "/" and drop tabs and
 * newlines, so "/\evil.com" leads to https://evil.com/. Whatever resolves to another origin is refused.
 */
export function isSitePath(value: string): boolean {
  if (!value.startsWith('/') || /[\s\\]/.test(value) || !URL.canParse(value, SITE_ORIGIN)) return false;
  return new URL(value, SITE_ORIGIN).origin === SITE_ORIGIN;
}

export function sitePathSchema(message: string) {
  return z.string().refine(isSitePath, { message });
}

export const slugSchema = z.string().regex(SLUG_PATTERN, 'must be lower-case words joined by hyphens, e.g. "town-hall"');

/**
 * An id as PostgreSQL prints it: lower-case hex. Stricter than Postgres's own input rules on purpose:
 * the clean-up's SQL function draft_image_ids (migration 0004) matches /media/ ids with this same
 * pattern, so anything the app takes for an image id the database takes for one too.
 */
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}

export function uuidSchema(message?: string) {
  return z.string({ message }).regex(UUID_PATTERN, { message });
}

export const emailSchema = z
  .string({ message: 'Enter your email address.' })
  .trim()
  .toLowerCase()
  .min(1, 'Enter your email address.')
  .max(254, 'That email address is too long.')
  .pipe(z.email({ message: 'Enter a valid email address, like name@example.com.' }));
