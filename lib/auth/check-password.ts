import 'server-only';

import { getUserForLogin } from '@/db/queries/users';
import type { User } from '@/db/schema';

import { appSecret } from '../secret';
import { readDeviceToken } from './device-token';
import { verifyPassword } from './password';
import { countLoginAttempt, loginSucceeded } from './throttle';

export type PasswordCheck = { email: string; password: string; ip: string | null; deviceToken: string | undefined };

export type PasswordChecked = { waitSeconds: number } | { user: User | null; deviceId?: string };

/**
 * The account a right password signs in (null for anything else), with the device id to keep; or
 * the seconds this attempt must wait, before any password is checked.
 */
export async function checkPassword({ email, password, ip, deviceToken: token }: PasswordCheck): Promise<PasswordChecked> {
  const device = readDeviceToken(token, appSecret());
  // Only a device this very account signed in on, with its current password, counts as trusted.
  let user = device ? await getUserForLogin(email) : undefined;
  const trusted = device && user?.active && user.id === device.userId && user.sessionVersion === device.sessionVersion;
  const attempt = { email, ip, trustedDeviceId: trusted ? device.deviceId : null };
  const waitSeconds = await countLoginAttempt(attempt);
  if (waitSeconds > 0) return { waitSeconds };
  user ??= await getUserForLogin(email);
  // Unknown, wrong and deactivated all look the same from outside.
  const valid = (await verifyPassword(user?.passwordHash, password)) && user?.active === true;
  if (!valid || !user) return { user: null };
  await loginSucceeded(attempt);
  return { user, deviceId: device?.deviceId };
}
