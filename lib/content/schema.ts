import { z } from 'zod';

import { authorKind, CORRECTION_KINDS } from '../../db/schema';
import { emailSchema, sitePathSchema, slugSchema } from '../validation';
import { MAX_AUTHORS } from './byline';

const sitePath = sitePathSchema('must be a site path starting with "/", e.g. "/images/articles/river.jpg"');

export const altTextSchema = z
  .string()
  .trim()
  .min(10, 'must describe the picture in at least 10 characters')
  .max(250, 'must be at most 250 characters')
  .refine((alt) => !/^(an? )?(image|picture|photo|photograph) of\b/i.test(alt), {
    message: 'must describe the picture itself: drop the leading "Image of" / "Photo of"',
  });

const isoDate = z.coerce.date({ message: 'must be a date such as 2026-11-24 or 2026-11-24T07:30:00Z' });

/** What a correction or clarification says: plain text, shown as typed. */
export const correctionTextSchema = z
  .string({ message: 'Write what was wrong and what is right.' })
  .trim()
  .min(10, 'must say in at least 10 characters what was wrong and what is right')
  .max(2000, 'must be at most 2,000 characters');

export const correctionKindSchema = z.enum(CORRECTION_KINDS, { message: 'must be "correction" or "clarification"' });

const correctionSchema = z.object({ date: isoDate, kind: correctionKindSchema, text: correctionTextSchema }).strict();

const label = z.string().min(1).max(60, 'must be at most 60 characters');
const link = z.object({ label, href: z.url() });

// Bounds that keep the masthead, the footer and email headers readable (and a stored row small).
export const MAX_NAVIGATION = 12;
export const MAX_SOCIAL = 10;

/** "Additional reporting by …", "With agencies": plain text after the byline. */
export const creditSchema = z.string().trim().max(200, 'must be at most 200 characters');

export const authorKindSchema = z.enum(authorKind.enumValues, { message: 'must be "staff", "contributor", "partner" or "agency"' });

export const frontmatterSchema = z
  .object({
    title: z.string().trim().min(5, 'must be at least 5 characters').max(140, 'must be at most 140 characters'),
    standfirst: z.string().trim().min(20, 'must be at least 20 characters').max(320, 'must be at most 320 characters'),
    published: isoDate,
    updated: isoDate.optional(),
    category: slugSchema,
    tags: z.array(slugSchema).max(8, 'must list at most 8 tags').default([]),
    // One author (`author: slug`) or a byline in order (`authors: [slug, …]`), and an optional credit line.
    author: slugSchema.optional(),
    authors: z.array(slugSchema).min(1, 'must list at least one author').max(MAX_AUTHORS, `must list at most ${MAX_AUTHORS} authors`).optional(),
    credit: creditSchema.optional(),
    hero: z.object({
      src: sitePath,
      alt: altTextSchema,
      credit: z.string().trim().min(1).max(160).optional(),
    }),
    featured: z.boolean().default(false),
    // Newest first once read, as the article and /corrections list them.
    corrections: z
      .array(correctionSchema)
      .max(50, 'must list at most 50 corrections')
      .default([])
      .transform((list) => list.toSorted((a, b) => b.date.getTime() - a.date.getTime())),
  })
  .strict()
  .refine((data) => (data.author === undefined) !== (data.authors === undefined), {
    message: 'needs "author: slug" or "authors: [slug, …]" (one of them, not both)',
    path: ['authors'],
  })
  .refine((data) => new Set(data.authors).size === (data.authors?.length ?? 0), { message: 'must not list an author twice', path: ['authors'] })
  .refine((data) => !data.updated || data.updated >= data.published, {
    message: 'must not be earlier than "published"',
    path: ['updated'],
  })
  .refine((data) => data.corrections.every((correction) => correction.date >= data.published), {
    message: 'must not be dated earlier than "published"',
    path: ['corrections'],
  });

export type Frontmatter = z.infer<typeof frontmatterSchema>;

export const authorSchema = z
  .object({
    name: z.string().trim().min(2),
    role: z.string().trim().min(2),
    kind: authorKindSchema.default('staff'),
    bio: z.string().trim().min(20),
    picture: z.object({ src: sitePath, alt: altTextSchema }),
    links: z.array(link).default([]),
  })
  .strict();

export const categorySchema = z
  .object({ slug: slugSchema, name: z.string().trim().min(2), description: z.string().trim().min(10) })
  .strict();

export const categoriesSchema = z.array(categorySchema).min(1, 'must list at least one category');

export const siteSchema = z
  .object({
    name: z.string().trim().min(2).max(100, 'must be at most 100 characters'),
    shortName: z.string().trim().min(2).max(60, 'must be at most 60 characters'),
    description: z.string().trim().min(20).max(300, 'must be at most 300 characters'),
    url: z.url(),
    locale: z.string().min(2),
    language: z.string().min(2),
    timeZone: z.string().min(3),
    logoText: z.string().trim().min(2).max(60, 'must be at most 60 characters'),
    navigation: z.array(z.object({ label, href: sitePath })).max(MAX_NAVIGATION, `must have at most ${MAX_NAVIGATION} links`),
    social: z.array(link).max(MAX_SOCIAL, `must have at most ${MAX_SOCIAL} links`).default([]),
    newsletter: z
      .object({
        // 78: the line length an email header should keep to (RFC 5322).
        fromName: z.string().min(2).max(78, 'must be at most 78 characters'),
        fromAddress: emailSchema,
        // Sent once to each reader who confirms a sign-up (not to imported readers); no welcome when absent.
        // The body is plain text: paragraphs separated by a blank line.
        welcome: z.object({ subject: z.string().trim().min(2).max(200), body: z.string().trim().min(2).max(10_000) }).strict().optional(),
      })
      .strict(),
  })
  .strict();

export type Site = z.infer<typeof siteSchema>;
export type Category = z.infer<typeof categorySchema>;
