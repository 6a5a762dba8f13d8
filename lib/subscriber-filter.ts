import { z } from 'zod';

import { subscriberStatus } from '@/db/schema';

/** The subscriber list's search and filter, from the query string; anything odd falls back to "all". */
export const subscriberFilterSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  status: z.enum(subscriberStatus.enumValues).optional().catch(undefined),
  // The addresses no newsletter goes to, instead of the subscribers.
  view: z.literal('suppressed').optional().catch(undefined),
  notice: z.literal('lifted').optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});

export type SubscriberFilterParams = z.infer<typeof subscriberFilterSchema>;
