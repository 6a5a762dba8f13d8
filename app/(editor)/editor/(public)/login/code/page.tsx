import type { Metadata } from 'next';
import { redirect } from 'next/navigation';

import { ActionForm } from '@/components/forms/action-form';
import { Field } from '@/components/forms/field';
import { LabelledField } from '@/components/forms/labelled-field';
import { getCurrentUser } from '@/lib/auth/session';
import { routes } from '@/lib/routes';

import { codeLoginAction, requestCodeAction } from '../../actions';

export const metadata: Metadata = { title: 'Sign in with an emailed code', robots: { index: false }, referrer: 'same-origin' };

type Props = { searchParams: Promise<{ link?: string | string[] }> };

// Opening the emailed link only shows a button: mail scanners that follow links sign nobody in.
export default async function CodeLoginPage({ searchParams }: Props) {
  if (await getCurrentUser()) redirect(routes.editor.home());
  const { link } = await searchParams;
  if (typeof link === 'string' && link) {
    return (
      <main id="main" className="editor-auth">
        <h1>Finish signing in</h1>
        <p>Press the button to sign in to the newsroom with the link from your email.</p>
        <ActionForm action={codeLoginAction} submitLabel="Sign in" pendingLabel="Signing in…">
          <input type="hidden" name="link" value={link} />
        </ActionForm>
      </main>
    );
  }
  return (
    <main id="main" className="editor-auth">
      <h1>Sign in with an emailed code</h1>
      <p>Works when your password does not, or while sign-ins to your address are being slowed down.</p>
      <h2>1. Ask for a code</h2>
      <ActionForm action={requestCodeAction} submitLabel="Email me a sign-in code" pendingLabel="Sending…">
        <Field label="Email address" name="email" type="email" autoComplete="username" />
      </ActionForm>
      <h2>2. Enter it</h2>
      <ActionForm action={codeLoginAction} submitLabel="Sign in with the code" pendingLabel="Signing in…">
        <LabelledField id="field-code" label="Sign-in code" hint="The 8 digits from the email, in this browser. Or open the email's link.">
          {(props) => <input {...props} name="code" inputMode="numeric" autoComplete="one-time-code" required maxLength={20} />}
        </LabelledField>
      </ActionForm>
      <p>
        <a href={routes.editor.login()}>Sign in with your password instead</a>
      </p>
    </main>
  );
}
