import { draftMode } from 'next/headers';
import { redirect } from 'next/navigation';

import { getVisibleDraft } from '@/db/queries/publishing';
import { can } from '@/lib/auth/roles';
import { getCurrentUser } from '@/lib/auth/session';
import { viewerOf } from '@/lib/drafts/viewer';
import { draftIdSchema } from '@/lib/publishing/schema';
import { routes } from '@/lib/routes';

// The session and the right to see this draft are checked BEFORE draft mode is switched on; the
// article page checks them again on every request, so the cookie alone never shows a draft.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) redirect(routes.editor.login());
  if (!can(user.role, 'drafts:write-own')) redirect(routes.editor.notAllowed());
  const parsed = draftIdSchema.safeParse({ draftId: (await params).id });
  const draft = parsed.success ? await getVisibleDraft(parsed.data.draftId, viewerOf(user)) : undefined;
  if (!draft) return new Response('No such draft, or not one of yours.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  (await draftMode()).enable();
  redirect(routes.article(draft.current?.slug ?? draft.slug));
}
