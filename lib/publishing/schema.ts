import { z } from 'zod';

export const draftIdSchema = z.object({ draftId: z.uuid({ message: 'Unknown draft.' }) });

export const scheduleSchema = draftIdSchema.extend({
  publishAt: z.string({ message: 'Choose when to publish.' }).min(1, 'Choose when to publish.').max(40, 'Choose when to publish.'),
});
