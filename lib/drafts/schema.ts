import { z } from 'zod';

import { MAX_AUTHORS } from '../content/byline';
import { isSlug, uuidSchema } from '../validation';
import { SLUG_MAX_LENGTH, slugify } from './slug';

const MAX_TAGS = 8;
export const MAX_BODY = 100_000;

const text = (max: number, label: string) => z.string().trim().max(max, `${label} can have at most ${max} characters.`);

/**
 * A form posts a textarea's line breaks as CRLF (HTML's rule) while the rich editor hands over LF:
 * stored as LF either way, so the same text is the same draft however it was written.
 */
const lineFeeds = (value: string) => value.replace(/\r\n?/g, '\n');

/** "Local News, budget ,Parking" → ["local-news", "budget", "parking"], without duplicates. */
export function parseTags(input: string): string[] {
  return [...new Set(input.split(',').map(slugify).filter(Boolean))];
}

/**
 * The editable fields of a draft as the edit form sends them. A draft may be unfinished (publishing
 * checks readiness), so only limits and formats are enforced here.
 */
export const draftFieldsSchema = z.object({
  title: z.string().trim().min(1, 'Give the draft a title.').max(140, 'The title can have at most 140 characters.'),
  slug: z
    .string()
    .trim()
    .max(SLUG_MAX_LENGTH, `The address can have at most ${SLUG_MAX_LENGTH} characters.`)
    .refine((slug) => slug === '' || isSlug(slug), 'The address may only use lower-case letters, digits and single hyphens, like “council-budget-2027”.'),
  standfirst: z.string().transform(lineFeeds).pipe(text(320, 'The standfirst')),
  category: z.string().trim().max(80),
  tags: z
    .string()
    .max(1000, 'Too many tags.')
    .transform(parseTags)
    .refine((tags) => tags.length <= MAX_TAGS, `A draft can have at most ${MAX_TAGS} tags.`),
  // In byline order; lib/drafts/check.ts checks that each profile exists and may be chosen.
  authorIds: z
    .array(uuidSchema('Choose each author from the list.'))
    .max(MAX_AUTHORS, `A byline can have at most ${MAX_AUTHORS} authors.`)
    .refine((ids) => new Set(ids).size === ids.length, 'An author can be on the byline only once.'),
  credit: text(200, 'The credit line').default(''),
  heroImageId: z.union([uuidSchema(), z.literal('')]).transform((id) => id || null),
  heroAlt: text(250, 'The hero image alt text'),
  heroCredit: text(160, 'The hero image credit'),
  body: z
    .string()
    .transform(lineFeeds)
    .pipe(z.string().max(MAX_BODY, `The body can have at most ${MAX_BODY.toLocaleString('en-GB')} characters.`)),
  featured: z
    .string()
    .optional()
    .transform((value) => value === 'on'),
});

export type DraftFields = z.infer<typeof draftFieldsSchema>;

/** The byline's fields (`author1` … `author6`, one select each, "— none —" left empty), in order. */
export const bylineFieldNames = Array.from({ length: MAX_AUTHORS }, (_, index) => `author${index + 1}`);

/** The ids the form's byline selects hold, in order, the empty ones left out; `unsent` when it sent none. */
export function bylineOfValues(values: Record<string, string | undefined>, unsent: readonly string[]): string[] {
  if (!bylineFieldNames.some((name) => name in values)) return [...unsent];
  return bylineFieldNames.map((name) => values[name]?.trim() ?? '').filter(Boolean);
}

/** A byline as the form's fields. */
export function bylineValues(authorIds: readonly string[]): Record<string, string> {
  return Object.fromEntries(authorIds.map((id, index) => [`author${index + 1}`, id]));
}
