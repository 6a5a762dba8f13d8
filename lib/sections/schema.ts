import { z } from 'zod';

import { slugSchema } from '../validation';

// The limits are the sections table's checks (db/schema.ts), said to the person typing.
const name = z.string().trim().min(2, 'Give the section a name of at least 2 characters.').max(60, 'Keep the name under 60 characters.');
const description = z.string().trim().min(10, 'Describe the section in at least 10 characters.').max(300, 'Keep the description under 300 characters.');
const slug = slugSchema.max(80, 'Keep the address under 80 characters.');
/** The updated_at the form was drawn from: a change made since is refused, not overwritten. */
const seen = z.coerce.date({ message: 'Reload the page and try again.' });

export const addSectionSchema = z.object({
  name,
  description,
  // Left empty, the address is made from the name.
  slug: z.union([z.literal(''), slug]).default(''),
});

export const editSectionSchema = z.object({ slug, name, description, seen });

export const moveSectionSchema = z.object({ slug, direction: z.enum(['up', 'down']) });

export const retireSectionSchema = z.object({ slug, seen, target: z.union([z.literal(''), slug]).default('') });
