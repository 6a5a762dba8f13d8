import { getDraftForPublishing } from '@/db/queries/publishing';
import { can } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';
import { draftIdSchema } from '@/lib/publishing/schema';
import { routes } from '@/lib/routes';

import { CorrectionsPanel } from '../corrections-panel';
import { PublishPanel } from '../publish-panel';

export const metadata = { title: 'Publish' };

export default async function PublishPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser('drafts:publish');
  const parsed = draftIdSchema.safeParse({ draftId: (await params).id });
  const draft = parsed.success ? await getDraftForPublishing(parsed.data.draftId) : undefined;
  if (!draft) {
    return (
      <>
        <h1>No such draft</h1>
        <p>
          It may have been deleted. <a href={routes.editor.home()}>Back to the newsroom</a>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Publish “{draft.title}”</h1>
      <p>
        <a href={routes.editor.draft(draft.id)}>Back to the draft</a> · <a href={routes.editor.draftPreview(draft.id)}>Open full-page preview</a>
      </p>
      <PublishPanel draft={draft} canEmail={can(user.role, 'newsletter:send')} />
      {draft.publishedRevisionId && can(user.role, 'corrections:write') ? <CorrectionsPanel draftId={draft.id} /> : null}
    </>
  );
}
