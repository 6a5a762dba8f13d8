'use server';

import { unstable_rethrow } from 'next/navigation';
import { AuthError } from 'next-auth';
import { signIn, signOut } from '@/auth';
import { createFirstAdmin } from '@/db/queries/users';
import { parseForm } from '@/lib/actions/parse-form';
import type { ActionState } from '@/lib/actions/result';
import { hashPassword } from '@/lib/auth/password';
import { loginSchema, setupSchema } from '@/lib/auth/schema';

// The newsroom's public actions: signing in, signing out and the first-run setup. Everything else
// lives under (shell) and goes through editorAction.

const WRONG = 'Wrong email or password.';

export async function loginAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const form = parseForm(loginSchema, formData);
  if ('failure' in form) return { ok: false, error: WRONG };
  try {
    await signIn('credentials', { ...form.data, redirectTo: '/editor' });
    return null;
  } catch (error) {
    if (!(error instanceof AuthError)) throw error; // the redirect after a successful sign-in
    const code = (error as AuthError & { code?: string }).code ?? '';
    const throttled = /^throttled:(\d+)$/.exec(code);
    if (throttled) {
      const minutes = Number(throttled[1]);
      return { ok: false, error: `Too many failed sign-in attempts. Please try again in ${minutes} minute${minutes === 1 ? '' : 's'}.` };
    }
    if (error.type === 'CredentialsSignin') return { ok: false, error: WRONG };
    console.error('Sign-in failed:', error);
    return { ok: false, error: 'Signing in failed on our side. Please try again in a moment.' };
  }
}

export async function logoutAction(): Promise<void> {
  await signOut({ redirectTo: '/editor/login' });
}

export async function setupAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const form = parseForm(setupSchema, formData);
  if ('failure' in form) return form.failure;
  const { name, email, password } = form.data;
  try {
    const admin = await createFirstAdmin({ name, email, passwordHash: await hashPassword(password) });
    if (!admin) return { ok: false, error: 'The newsroom is already set up. Please sign in.' };
    await signIn('credentials', { email, password, redirectTo: '/editor' });
    return null;
  } catch (error) {
    unstable_rethrow(error); // the redirect after signing in
    console.error('First-run setup failed:', error);
    return { ok: false, error: 'Setting up failed on our side. If the account was created, sign in; otherwise try again.' };
  }
}
