import { z } from 'zod';

import type { ActionState } from './result';

type Failure = Exclude<ActionState<never>, null | { ok: true }>;

/**
 * The form's fields as an object. A file input left empty still posts a part of no bytes, and its
 * name is not a reliable sign of it (browsers leave it empty, React's encoding of a form sent with
 * JavaScript does not): so an empty file always means "no file chosen", and an optional picture left
 * alone means "no change" in every form. No upload we accept is empty, and with JavaScript the
 * browser refuses an empty chosen file before sending (checkFileSize in lib/media/limits.ts).
 */
export function formFields(formData: FormData): Record<string, FormDataEntryValue> {
  const fields: Record<string, FormDataEntryValue> = {};
  for (const [key, value] of formData) {
    if (value instanceof File && value.size === 0) continue;
    fields[key] = value;
  }
  return fields;
}

/**
 * Validates a server action's FormData against `schema`. Anything that is not a form (a crafted call
 * of the public action endpoint) or does not fit becomes a form error, never an exception.
 */
export function parseForm<Schema extends z.ZodType>(schema: Schema, formData: unknown): { data: z.infer<Schema> } | { failure: Failure } {
  if (!(formData instanceof FormData)) return { failure: { ok: false, error: 'This request is not a form submission.' } };
  const parsed = schema.safeParse(formFields(formData));
  if (parsed.success) return { data: parsed.data };
  return {
    failure: {
      ok: false,
      error: parsed.error.issues[0]?.message ?? 'Please check the form and try again.',
      fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>,
    },
  };
}
