import 'server-only';

import { redirect } from 'next/navigation';
import { cache } from 'react';

import { auth } from '@/auth';
import { isSessionRevoked } from '@/db/queries/sessions';
import { getUser, type PublicUser } from '@/db/queries/users';

import { routes } from '../routes';
import { can, type Permission } from './roles';
import { isSignInCurrent } from './session-token';

/**
 * The signed-in person, read from the database on every call: a deactivated account, a changed role
 * or a password changed elsewhere takes effect on the next request, whatever the cookie says. Read
 * once per request, however many layouts and pages ask. A session signed out of (see revokeSession)
 * stays ended even for someone who kept a copy of its cookie, and no sign-in outlives its maximum age
 * however often its cookie was re-issued.
 */
export const getCurrentUser = cache(async (): Promise<PublicUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  const sessionId = session?.sessionId;
  if (!id || !sessionId || !isSignInCurrent(session.signedInAt)) return null;
  const [user, revoked] = await Promise.all([getUser(id), isSessionRevoked(sessionId)]);
  if (!user || revoked || !user.active || user.sessionVersion !== session.sessionVersion) return null;
  return user;
});

/**
 * For editor pages: the user, or a redirect to the login page, or to the page that explains the role
 * does not allow this. (A redirect, not forbidden(): Next.js renders an interrupt raised while a
 * dynamic page renders as an empty shell that needs JavaScript.)
 */
export async function requireUser(permission: Permission = 'editor:enter'): Promise<PublicUser> {
  const user = await getCurrentUser();
  if (!user) redirect(routes.editor.login());
  if (!can(user.role, permission)) redirect(routes.editor.notAllowed());
  return user;
}
