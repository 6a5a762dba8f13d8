import { z } from 'zod';

import type { ActionState } from './result';

type Failure = Exclude<ActionState<never>, null | { ok: true }>;

/**
 * Validates a server action's FormData against `schema`. Anything that is not a form (a crafted call
 * of the public action endpoint) or does not fit becomes a form error, never an exception.
 */
export function parseForm<Schema extends z.ZodType>(schema: Schema, formData: unknown): { data: z.infer<Schema> } | { failure: Failure } {
  if (!(formData instanceof FormData)) return { failure: { ok: false, error: 'This request is not a form submission.' } };
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (parsed.success) return { data: parsed.data };
  return {
    failure: {
      ok: false,
      error: parsed.error.issues[0]?.message ?? 'Please check the form and try again.',
      fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>,
    },
  };
}
