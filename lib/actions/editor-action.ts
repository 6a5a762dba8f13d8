import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import type { PublicUser } from '@/db/queries/users';
import { can, type Permission } from '../auth/roles';
import { getCurrentUser } from '../auth/session';
import type { ActionState } from './result';

/**
 * Wraps an editor server action. A server action is a public endpoint, so the session and the role
 * are checked here, on every call, before the input is even parsed.
 */
export function editorAction<Schema extends z.ZodType>(
  permission: Permission,
  schema: Schema,
  run: (input: z.infer<Schema>, user: PublicUser) => Promise<ActionState>,
) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    const user = await getCurrentUser();
    if (!user) return { ok: false, error: 'Your session has ended. Please sign in again.' };
    if (!can(user.role, permission)) return { ok: false, error: 'You are not allowed to do that.' };
    if (!(formData instanceof FormData)) return { ok: false, error: 'This request is not a form submission.' };
    const parsed = schema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) {
      const fieldErrors = z.flattenError(parsed.error).fieldErrors as Record<string, string[]>;
      return { ok: false, error: parsed.error.issues[0]?.message ?? 'Please check the form and try again.', fieldErrors };
    }
    try {
      return await run(parsed.data, user);
    } catch (error) {
      unstable_rethrow(error); // redirect() and notFound() are not failures
      console.error('Editor action failed:', error);
      return { ok: false, error: 'Something went wrong on our side. Your change was not saved; please try again.' };
    }
  };
}
