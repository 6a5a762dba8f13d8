import { z } from 'zod';

import { uuidSchema } from '../validation';

export const sendIdSchema = z.object({ sendId: uuidSchema('Unknown send.') });

/** Cancelling cannot be undone: the readers not yet emailed never get this send. */
export const cancelSendSchema = sendIdSchema.extend({
  understood: z.literal('yes', { message: 'Tick “Stop for good” to cancel the send.' }),
});

/** ?page= of the newsletter pages: anything else is the first page. */
export const pageSchema = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1) }).catch({ page: 1 });
