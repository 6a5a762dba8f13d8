import { ActionForm } from '@/components/editor/action-form';
import { Field } from '@/components/editor/field';
import { roleLabels } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';
import { changePasswordAction } from '../actions/account';

export const metadata = { title: 'Your account' };

export default async function AccountPage() {
  const user = await requireUser();
  return (
    <>
      <h1>Your account</h1>
      <p>
        {user.name}, {user.email} ({roleLabels[user.role]})
      </p>
      <h2>Change your password</h2>
      <ActionForm action={changePasswordAction} submitLabel="Change password" pendingLabel="Changing…">
        <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" />
        <Field label="New password" name="newPassword" type="password" autoComplete="new-password" hint="At least 12 characters." />
        <Field label="New password again" name="confirmPassword" type="password" autoComplete="new-password" />
      </ActionForm>
    </>
  );
}
