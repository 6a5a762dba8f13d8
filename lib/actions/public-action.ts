import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import { DatabaseUnavailableError } from '@/db';
import { clientIp } from './client-ip';
import type { ActionState } from './result';

type Context = { ip: string | null };

/**
 * Wraps a public server action: FormData is validated by `schema` before `run` sees it, and any
 * failure becomes a polite message in the form instead of an error page.
 */
export function publicAction<Schema extends z.ZodType>(
  schema: Schema,
  run: (input: z.infer<Schema>, context: Context) => Promise<ActionState>,
) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    if (!(formData instanceof FormData)) return { ok: false, error: 'This request is not a form submission.' };
    const parsed = schema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) {
      const fieldErrors = z.flattenError(parsed.error).fieldErrors as Record<string, string[]>;
      const first = parsed.error.issues[0]?.message ?? 'Please check the form and try again.';
      return { ok: false, error: first, fieldErrors };
    }
    try {
      return await run(parsed.data, { ip: await clientIp() });
    } catch (error) {
      unstable_rethrow(error); // redirect() and notFound() are not failures
      console.error('Server action failed:', error);
      const error_ =
        error instanceof DatabaseUnavailableError
          ? 'The newsletter is not available right now. Please try again later.'
          : 'Something went wrong on our side. Please try again in a moment.';
      return { ok: false, error: error_ };
    }
  };
}
