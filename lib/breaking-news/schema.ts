import { z } from 'zod';

import { isSitePath, uuidSchema } from '../validation';

// The banner's rules, one place: what it may say, where it may point, how long it may stay up.

export const BANNER_TEXT_MIN = 5;
export const BANNER_TEXT_MAX = 200;
/** A banner stays up two hours unless the editor says otherwise. */
export const DEFAULT_LIFETIME_MS = 2 * 60 * 60 * 1000;
/** At least a minute, so it is not gone before the page shows it; at most a week, so none is forgotten. */
export const MIN_LIFETIME_MS = 60 * 1000;
export const MAX_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/** A path on this site ("/articles/…", not "//host") or an https address. */
const hrefSchema = z
  .string()
  .trim()
  .max(2000, 'The link must be at most 2,000 characters.')
  .refine((href) => isSitePath(href) || (URL.canParse(href) && new URL(href).protocol === 'https:'), {
    message: 'The link must be a path on this site, such as /articles/flood-warning, or an https:// address.',
  });

export const postBannerSchema = z.object({
  text: z
    .string({ message: 'Write the banner’s text.' })
    .trim()
    .min(BANNER_TEXT_MIN, `The banner’s text must be at least ${BANNER_TEXT_MIN} characters.`)
    .max(BANNER_TEXT_MAX, `The banner’s text must be at most ${BANNER_TEXT_MAX} characters.`),
  href: z.union([z.literal('').transform(() => null), hrefSchema]).default(null),
  expiresAt: z.string({ message: 'Choose when the banner expires.' }).min(1, 'Choose when the banner expires.'),
});

export type PostBannerInput = z.infer<typeof postBannerSchema>;

export const takeDownSchema = z.object({ bannerId: uuidSchema('Unknown banner.') });
