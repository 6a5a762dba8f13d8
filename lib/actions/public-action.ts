import 'server-only';

import { unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';

import { DatabaseUnavailableError } from '@/db';
import { log } from '@/lib/log';

import { clientIp } from './client-ip';
import { parseForm } from './parse-form';
import type { ActionState } from './result';

type Context = { ip: string | null };

/**
 * Wraps a public server action: FormData is validated by `schema` before `run` sees it, and any
 * failure becomes a polite message in the form instead of an error page.
 */
export function publicAction<Schema extends z.ZodType>(schema: Schema, run: (input: z.infer<Schema>, context: Context) => Promise<ActionState>) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    const form = parseForm(schema, formData);
    if ('failure' in form) return form.failure;
    try {
      return await run(form.data, { ip: await clientIp() });
    } catch (error) {
      unstable_rethrow(error); // redirect() and notFound() are not failures
      log.error({ err: error }, 'Server action failed');
      const error_ =
        error instanceof DatabaseUnavailableError
          ? 'The newsletter is not available right now. Please try again later.'
          : 'Something went wrong on our side. Please try again in a moment.';
      return { ok: false, error: error_ };
    }
  };
}
