import type { PublicUser } from '@/db/queries/users';
import type { AuthorProfile } from '@/db/schema';
import { can } from '@/lib/auth/roles';

// Who may change which profile on the Authors pages: editors and admins create profiles and edit the
// unlinked ones and their own; a profile linked to another person's account, and the link itself, are
// an admin's (linking gives that account the drafts bylined on the profile).

export const LINKED_TO_OTHER = 'Only an admin can change a profile linked to another person’s account.';

/** Whether `user` may save `profile` (undefined: a new one) from the Authors pages. */
export function mayEditProfile(user: Pick<PublicUser, 'id' | 'role'>, profile: Pick<AuthorProfile, 'userId'> | undefined): boolean {
  if (!can(user.role, 'authors:manage')) return false;
  return !profile?.userId || profile.userId === user.id || can(user.role, 'authors:link');
}
