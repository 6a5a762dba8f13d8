import { z } from 'zod';

import { uuidSchema } from '../validation';

export const draftIdSchema = z.object({ draftId: uuidSchema('Unknown draft.') });

/** Publishing names the version the editor looked at, so a later save is never published unseen. */
export const publishSchema = draftIdSchema.extend({
  version: z.coerce.number({ message: 'Reload the page and try again.' }).int().min(1).max(2_147_483_647),
});

/** So does scheduling: the schedule publishes that version when its time comes. */
export const scheduleSchema = publishSchema.extend({
  publishAt: z.string({ message: 'Choose when to publish.' }).min(1, 'Choose when to publish.').max(40, 'Choose when to publish.'),
});
