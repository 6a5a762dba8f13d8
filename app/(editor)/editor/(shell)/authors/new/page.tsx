import { can } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';
import { formValuesOf } from '@/lib/profile/author-form';
import { routes } from '@/lib/routes';

import { AuthorProfileForm } from '../author-profile-form';
import { accountOptions, kindOptions } from '../options';

export const metadata = { title: 'New author profile' };

export default async function NewAuthorPage() {
  const user = await requireUser('authors:manage');
  return (
    <>
      <p>
        <a href={routes.editor.authors()}>← Authors</a>
      </p>
      <h1>New author profile</h1>
      <p>For a guest writer, a partner outlet or a wire service. Newsroom accounts can also make their own profile on their Account page.</p>
      <AuthorProfileForm
        saved={formValuesOf(undefined)}
        kinds={kindOptions}
        accounts={can(user.role, 'authors:link') ? await accountOptions(null) : undefined}
        submitLabel="Create profile"
      />
    </>
  );
}
