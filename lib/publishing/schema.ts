import { z } from 'zod';

import { CORRECTION_KINDS } from '@/db/schema';

import { uuidSchema } from '../validation';

export const draftIdSchema = z.object({ draftId: uuidSchema('Unknown draft.') });

/**
 * "Publish and email subscribers" or "Publish only". A post without the choice publishes only: an
 * email cannot be taken back, so it is never the guess.
 */
const emailChoice = z
  .enum(['yes', 'no'], { message: 'Choose “Publish and email subscribers” or “Publish only”.' })
  .default('no')
  .transform((choice) => choice === 'yes');

/** The date line an editor may give (lib/publishing/publication-date.ts); empty: now, or the date kept. */
const publicationDate = z
  .string()
  .trim()
  .max(40, 'Enter the publication date as a date and time, such as 2026-11-25 18:30.')
  .optional()
  .transform((value) => value || undefined);

/** Publishing names the version the editor looked at, so a later save is never published unseen. */
export const publishSchema = draftIdSchema.extend({
  version: z.coerce.number({ message: 'Reload the page and try again.' }).int().min(1).max(2_147_483_647),
  emailSubscribers: emailChoice,
  publicationDate,
});

/** So does scheduling: the schedule publishes that version when its time comes. */
export const scheduleSchema = publishSchema.extend({
  publishAt: z.string({ message: 'Choose when to publish.' }).min(1, 'Choose when to publish.').max(40, 'Choose when to publish.'),
});

const RELOAD = 'Reload the page and try again.';

/**
 * A second send of an article reaches every subscriber again: only with the box ticked, and only
 * after the send the editor saw (its sequence), so two presses on a stale page make one send.
 */
export const sendAgainSchema = draftIdSchema.extend({
  seenSequence: z.coerce.number({ message: RELOAD }).int(RELOAD).min(1, RELOAD).max(2_147_483_647, RELOAD),
  understood: z.literal('yes', { message: 'Tick “I understand every subscriber gets it a second time” to send it again.' }),
});

/** A correction or clarification appended to a published article: plain text, as readers will read it. */
export const correctionSchema = draftIdSchema.extend({
  kind: z.enum(CORRECTION_KINDS, { message: 'Choose “Correction” or “Clarification”.' }),
  text: z
    .string({ message: 'Write what was wrong and what is right.' })
    .trim()
    .min(10, 'Write what was wrong and what is right, in at least 10 characters.')
    .max(2000, 'Keep it to 2,000 characters at most.'),
});
