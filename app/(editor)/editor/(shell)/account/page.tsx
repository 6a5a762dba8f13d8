import { ActionForm } from '@/components/forms/action-form';
import { Field } from '@/components/forms/field';
import { getProfileOfUser } from '@/db/queries/author-profiles';
import { roleLabels } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';
import { mediaSrc } from '@/lib/content/media';

import { changePasswordAction } from '../actions/account';
import { ProfileForm } from './profile-form';

export const metadata = { title: 'Your account' };

export default async function AccountPage() {
  const user = await requireUser();
  const profile = await getProfileOfUser(user.id);
  const saved = { profileSlug: profile?.slug ?? '', bio: profile?.bio ?? '', pictureAlt: profile?.pictureAlt ?? '' };
  return (
    <>
      <h1>Your account</h1>
      <p>
        {user.name}, {user.email} ({roleLabels[user.role]})
      </p>
      <h2>Public profile</h2>
      <p>Readers see it on your author page and beside your articles. You need it before an article can carry your name.</p>
      <ProfileForm saved={saved} {...(profile ? { version: profile.version } : {})} pictureSrc={profile?.pictureImageId ? mediaSrc(profile.pictureImageId) : undefined} />
      <h2>Change your password</h2>
      <ActionForm action={changePasswordAction} submitLabel="Change password" pendingLabel="Changing…">
        <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" />
        <Field label="New password" name="newPassword" type="password" autoComplete="new-password" hint="At least 12 characters." />
        <Field label="New password again" name="confirmPassword" type="password" autoComplete="new-password" />
      </ActionForm>
    </>
  );
}
