import { z } from 'zod';

import { slugSchema } from '../validation';
import { cleanText } from './clean';

export const MAX_QUERY_LENGTH = 200;

// A GET form sends each field once, but a hand-made address may repeat one: the first counts.
const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
// Anything malformed in a filter is dropped rather than refused: a reader's search still runs.
const slug = z.preprocess(first, slugSchema.max(200).optional()).catch(undefined);
// PostgreSQL's dates run from 4713 BC, JavaScript's and ISO's from year 0: keep to plausible years.
const day = z
  .preprocess(
    first,
    z.iso
      .date()
      .refine((value) => Number(value.slice(0, 4)) >= 1000)
      .optional(),
  )
  .catch(undefined);

const schema = z.object({
  q: z.preprocess(first, z.string().optional()).catch(undefined),
  section: slug,
  author: slug,
  from: day,
  to: day,
  page: z.preprocess(first, z.coerce.number().int().min(1).max(1000).optional()).catch(undefined),
});

export type SearchParams = {
  q: string;
  /** The query was longer than MAX_QUERY_LENGTH characters and was cut there. */
  truncated: boolean;
  section?: string;
  author?: string;
  from?: string;
  to?: string;
  page: number;
};

/** The search page's address parameters, validated and cleaned. Never throws. */
export function parseSearchParams(raw: Record<string, unknown>): SearchParams {
  const parsed = schema.parse(raw);
  const characters = Array.from(cleanText(parsed.q ?? ''));
  const truncated = characters.length > MAX_QUERY_LENGTH;
  const [from, to] = parsed.from && parsed.to && parsed.from > parsed.to ? [parsed.to, parsed.from] : [parsed.from, parsed.to];
  return {
    q: characters.slice(0, MAX_QUERY_LENGTH).join('').trim(),
    truncated,
    ...(parsed.section ? { section: parsed.section } : {}),
    ...(parsed.author ? { author: parsed.author } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    page: parsed.page ?? 1,
  };
}
