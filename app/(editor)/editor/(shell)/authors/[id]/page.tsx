import { notFound } from 'next/navigation';

import { getAuthorProfile } from '@/db/queries/author-profiles';
import { getUser } from '@/db/queries/users';
import { can } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';
import { mediaSrc } from '@/lib/content/media';
import { missingFromProfile } from '@/lib/content/profile-author';
import { LINKED_TO_OTHER, mayEditProfile } from '@/lib/profile/access';
import { formValuesOf } from '@/lib/profile/author-form';
import { routes } from '@/lib/routes';
import { isUuid } from '@/lib/validation';

import { AuthorProfileForm } from '../author-profile-form';
import { accountOptions, kindOptions } from '../options';

export const metadata = { title: 'Author profile' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ notice?: string | string[] }> };

export default async function AuthorPage({ params, searchParams }: Props) {
  const user = await requireUser('authors:manage');
  const [{ id }, { notice }] = await Promise.all([params, searchParams]);
  const profile = isUuid(id) ? await getAuthorProfile(id) : undefined;
  if (!profile) notFound();
  const linked = profile.userId ? await getUser(profile.userId) : undefined;
  const missing = missingFromProfile(profile);
  return (
    <>
      <p>
        <a href={routes.editor.authors()}>← Authors</a>
      </p>
      <h1>{profile.name}</h1>
      {notice === 'created' ? (
        <p role="status" className="form-status form-status--ok">
          Profile created.
        </p>
      ) : null}
      <p>
        {linked ? `Linked to ${linked.name}’s account (${linked.email}), whose Account page edits it too.` : 'Not linked to a newsroom account.'}{' '}
        {missing.length === 0 ? (
          <>
            Ready for bylines; its author page is <a href={routes.author(profile.slug!)}>{routes.author(profile.slug!)}</a>.
          </>
        ) : (
          `Before it can be on a byline it needs ${missing.join(', ')}.`
        )}
      </p>
      {mayEditProfile(user, profile) ? (
        <AuthorProfileForm
          id={profile.id}
          saved={formValuesOf(profile)}
          kinds={kindOptions}
          accounts={can(user.role, 'authors:link') ? await accountOptions(profile.userId) : undefined}
          pictureSrc={profile.pictureImageId ? mediaSrc(profile.pictureImageId) : undefined}
          submitLabel="Save profile"
        />
      ) : (
        <p>{LINKED_TO_OTHER} Its account can change it on the Account page.</p>
      )}
    </>
  );
}
