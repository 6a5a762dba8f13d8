import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

import { ActionForm } from '@/components/forms/action-form';
import { Field } from '@/components/forms/field';
import { countUsers } from '@/db/queries/users';

import { setupAction } from '../actions';

export const metadata: Metadata = { title: 'Set up the newsroom', robots: { index: false } };

// Exists only while there is no account at all; afterwards it is a 404.
export default async function SetupPage() {
  if ((await countUsers()) > 0) notFound();
  return (
    <main id="main" className="editor-auth">
      <h1>Set up the newsroom</h1>
      <p>Create the first account. It will be an admin, who can then invite everyone else.</p>
      <ActionForm action={setupAction} submitLabel="Create admin account" pendingLabel="Creating…">
        <Field label="Your name" name="name" autoComplete="name" />
        <Field label="Email address" name="email" type="email" autoComplete="username" />
        <Field label="Password" name="password" type="password" autoComplete="new-password" hint="At least 12 characters." />
      </ActionForm>
    </main>
  );
}
