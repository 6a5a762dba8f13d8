import 'server-only';

import { randomBytes } from 'node:crypto';

import { cookies } from 'next/headers';
import { CredentialsSignin } from 'next-auth';
import { z } from 'zod';

import { getUserForLogin } from '@/db/queries/users';
import type { User } from '@/db/schema';

import { clientIpFrom } from '../actions/client-ip';
import { appSecret } from '../secret';
import { checkPassword } from './check-password';
import { DEVICE_TRUST_DAYS, deviceToken, readDeviceToken } from './device-token';
import { loginSchema } from './schema';
import { checkSignInCode, checkSignInLink } from './sign-in-code';

/** Too many attempts for this address or client; `code` carries the seconds to wait. */
export class LoginThrottled extends CredentialsSignin {
  constructor(seconds: number) {
    super();
    this.code = `throttled:${seconds}`;
  }
}

const DEVICE_COOKIE = 'broadsheet.device';
export const CHALLENGE_COOKIE = 'broadsheet.sign-in-challenge';

export type SignedIn = { id: string; name: string; email: string; sessionVersion: number };

const isHttps = (request: Request) => new URL(request.url).protocol === 'https:';

/** Marks this browser as one the account signed in on (renewing the trust), keeping its device id. */
async function trustDevice(user: User, deviceId: string | undefined, request: Request): Promise<SignedIn> {
  const token = deviceToken({ deviceId: deviceId ?? randomBytes(16).toString('base64url'), userId: user.id, sessionVersion: user.sessionVersion }, appSecret());
  (await cookies()).set(DEVICE_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: isHttps(request), path: '/', maxAge: DEVICE_TRUST_DAYS * 86400 });
  return { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion };
}

export async function authorizePassword(credentials: unknown, request: Request): Promise<SignedIn | null> {
  const parsed = loginSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const token = (await cookies()).get(DEVICE_COOKIE)?.value;
  const checked = await checkPassword({ ...parsed.data, ip: clientIpFrom(request.headers), deviceToken: token });
  if ('waitSeconds' in checked) throw new LoginThrottled(checked.waitSeconds);
  return checked.user ? trustDevice(checked.user, checked.deviceId, request) : null;
}

const codeCredentials = z.union([z.object({ code: z.string().max(20) }), z.object({ link: z.string().min(1).max(100) })]);

/**
 * A code typed in the browser that asked for it, or an emailed link. Neither touches the password
 * counts: a right code signs in whatever an attacker did to them.
 */
export async function authorizeCode(credentials: unknown, request: Request): Promise<SignedIn | null> {
  const parsed = codeCredentials.safeParse(credentials);
  if (!parsed.success) return null;
  const jar = await cookies();
  let email: string | null = null;
  if ('code' in parsed.data) {
    const challenge = jar.get(CHALLENGE_COOKIE)?.value;
    email = challenge ? await checkSignInCode(challenge, parsed.data.code) : null;
  } else {
    email = await checkSignInLink(parsed.data.link);
  }
  if (!email) return null;
  const user = await getUserForLogin(email);
  if (!user?.active) return null;
  if ('code' in parsed.data) jar.delete(CHALLENGE_COOKIE);
  return trustDevice(user, readDeviceToken(jar.get(DEVICE_COOKIE)?.value, appSecret())?.deviceId, request);
}
