import type { DraftViewer } from '@/db/queries/drafts';
import type { PublicUser } from '@/db/queries/users';
import { can } from '@/lib/auth/roles';

export function viewerOf(user: PublicUser): DraftViewer {
  return { id: user.id, canEditAny: can(user.role, 'drafts:edit-any') };
}
