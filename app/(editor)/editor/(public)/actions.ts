'use server';

import { cookies } from 'next/headers';
import { unstable_rethrow } from 'next/navigation';
import { after } from 'next/server';
import { AuthError } from 'next-auth';

import { signIn, signOut } from '@/auth';
import { createFirstAdmin } from '@/db/queries/users';
import { clientIp } from '@/lib/actions/client-ip';
import { parseForm } from '@/lib/actions/parse-form';
import type { ActionState } from '@/lib/actions/result';
import { hashPassword } from '@/lib/auth/password';
import { codeLoginSchema, codeRequestSchema, loginSchema, setupSchema } from '@/lib/auth/schema';
import { CHALLENGE_COOKIE } from '@/lib/auth/sign-in';
import { CODE_LIMITS, CODE_SENT, requestSignInCode } from '@/lib/auth/sign-in-code';
import { getSite } from '@/lib/content';
import { log } from '@/lib/log';
import { routes } from '@/lib/routes';

// The newsroom's public actions: signing in (by password or emailed code), signing out and the
// first-run setup. Everything else lives under (shell) and goes through editorAction.

const WRONG = 'Wrong email or password.';
const WRONG_CODE = 'That code is wrong, used or expired. Check the latest email, or ask for a new code.';

function inSecondsOrMinutes(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

/** next-auth's answer to a refused sign-in, in words that never tell whether the account exists. */
function signInFailure(error: unknown, wrong: string): ActionState {
  if (!(error instanceof AuthError)) throw error; // the redirect after a successful sign-in
  const code = (error as AuthError & { code?: string }).code ?? '';
  const throttled = /^throttled:(\d+)$/.exec(code);
  if (throttled) return { ok: false, error: `Too many attempts. Try again in ${inSecondsOrMinutes(Number(throttled[1]))}, or use a sign-in code.` };
  if (error.type === 'CredentialsSignin') return { ok: false, error: wrong };
  log.error({ err: error }, 'Sign-in failed');
  return { ok: false, error: 'Signing in failed on our side. Please try again in a moment.' };
}

export async function loginAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const form = parseForm(loginSchema, formData);
  if ('failure' in form) return { ok: false, error: WRONG };
  try {
    await signIn('credentials', { ...form.data, redirectTo: routes.editor.home() });
    return null;
  } catch (error) {
    return signInFailure(error, WRONG);
  }
}

export async function requestCodeAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const form = parseForm(codeRequestSchema, formData);
  if ('failure' in form) return form.failure;
  try {
    // The email goes out after the response, so an address with an account answers like any other.
    const outcome = await requestSignInCode({ email: form.data.email, ip: await clientIp(), site: await getSite() }, { defer: after });
    if (!outcome.ok) return { ok: false, error: `Too many sign-in codes asked for. Try again in ${inSecondsOrMinutes(outcome.retryAfterSeconds)}.` };
    (await cookies()).set(CHALLENGE_COOKIE, outcome.challenge, { httpOnly: true, sameSite: 'lax', path: routes.editor.home(), maxAge: CODE_LIMITS.ttlMinutes * 60 });
    return { ok: true, message: CODE_SENT };
  } catch (error) {
    log.error({ err: error }, 'Sending a sign-in code failed');
    return { ok: false, error: 'Sending the code failed on our side. Please try again in a moment.' };
  }
}

export async function codeLoginAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const form = parseForm(codeLoginSchema, formData);
  if ('failure' in form) return { ok: false, error: WRONG_CODE };
  try {
    await signIn('email-code', { ...form.data, redirectTo: routes.editor.home() });
    return null;
  } catch (error) {
    return signInFailure(error, WRONG_CODE);
  }
}

/** Ends this session on the server too (see events.signOut in auth.ts), so a copied cookie is worth nothing. */
export async function logoutAction(): Promise<void> {
  await signOut({ redirectTo: routes.editor.login() });
}

export async function setupAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const form = parseForm(setupSchema, formData);
  if ('failure' in form) return form.failure;
  const { name, email, password } = form.data;
  try {
    const admin = await createFirstAdmin({ name, email, passwordHash: await hashPassword(password) });
    if (!admin) return { ok: false, error: 'The newsroom is already set up. Please sign in.' };
    await signIn('credentials', { email, password, redirectTo: routes.editor.home() });
    return null;
  } catch (error) {
    unstable_rethrow(error); // the redirect after signing in
    log.error({ err: error }, 'First-run setup failed');
    return { ok: false, error: 'Setting up failed on our side. If the account was created, sign in; otherwise try again.' };
  }
}
