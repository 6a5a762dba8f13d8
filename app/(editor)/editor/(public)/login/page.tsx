import type { Metadata } from 'next';
import { redirect } from 'next/navigation';

import { ActionForm } from '@/components/forms/action-form';
import { Field } from '@/components/forms/field';
import { countUsers } from '@/db/queries/users';
import { getCurrentUser } from '@/lib/auth/session';
import { routes } from '@/lib/routes';

import { loginAction } from '../actions';

export const metadata: Metadata = { title: 'Sign in to the newsroom', robots: { index: false } };

const notices: Record<string, string> = {
  'password-changed': 'Your password has been changed. Please sign in with the new one.',
};

type Props = { searchParams: Promise<{ notice?: string | string[] }> };

export default async function LoginPage({ searchParams }: Props) {
  if ((await countUsers()) === 0) redirect(routes.editor.setup());
  if (await getCurrentUser()) redirect(routes.editor.home());
  const { notice } = await searchParams;
  const message = typeof notice === 'string' ? notices[notice] : undefined;
  return (
    <main id="main" className="editor-auth">
      <h1>Sign in to the newsroom</h1>
      {message ? <p>{message}</p> : null}
      <ActionForm action={loginAction} submitLabel="Sign in" pendingLabel="Signing in…">
        <Field label="Email address" name="email" type="email" autoComplete="username" />
        <Field label="Password" name="password" type="password" autoComplete="current-password" />
      </ActionForm>
      <p>
        <a href={routes.editor.loginCode()}>Email me a sign-in code instead</a>
      </p>
    </main>
  );
}
