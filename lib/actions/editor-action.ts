import 'server-only';

import { unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';

import type { PublicUser } from '@/db/queries/users';
import { log } from '@/lib/log';

import { can, type Permission } from '../auth/roles';
import { getCurrentUser } from '../auth/session';
import { parseForm } from './parse-form';
import type { ActionState } from './result';

/**
 * Wraps an editor server action. A server action is a public endpoint, so the session and the role
 * are checked here, on every call, before the input is even parsed.
 */
export function editorAction<Schema extends z.ZodType, Extra = unknown>(
  permission: Permission,
  schema: Schema,
  run: (input: z.infer<Schema>, user: PublicUser) => Promise<ActionState<Extra>>,
) {
  return async (_previous: ActionState<Extra>, formData: FormData): Promise<ActionState<Extra>> => {
    const user = await getCurrentUser();
    if (!user) return { ok: false, error: 'Your session has ended. Please sign in again.' };
    if (!can(user.role, permission)) return { ok: false, error: 'You are not allowed to do that.' };
    const form = parseForm(schema, formData);
    if ('failure' in form) return form.failure;
    try {
      return await run(form.data, user);
    } catch (error) {
      unstable_rethrow(error); // redirect() and notFound() are not failures
      log.error({ err: error }, 'Editor action failed');
      return { ok: false, error: 'Something went wrong on our side. Your change was not saved; please try again.' };
    }
  };
}
