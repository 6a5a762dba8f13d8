import { DraftNewForm } from '@/components/editor/draft-new-form';
import { requireUser } from '@/lib/auth/session';

import { createDraftAction } from '../../actions/drafts';

export const metadata = { title: 'New draft' };

export default async function NewDraftPage() {
  await requireUser('drafts:write-own');
  return (
    <>
      <h1>New draft</h1>
      <DraftNewForm action={createDraftAction} />
    </>
  );
}
