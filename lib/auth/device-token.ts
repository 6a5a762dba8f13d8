import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long a device stays trusted after its last sign-in there. */
export const DEVICE_TRUST_DAYS = 180;

export type TrustedDevice = { deviceId: string; userId: string; sessionVersion: number };

const SAFE = /^[0-9a-zA-Z_-]{1,64}$/;

function signature(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(`trusted-device:${payload}`).digest('base64url');
}

/**
 * A device's proof that an account signed in on it: the device, the account, its session version
 * (so a new password or a deactivation ends the trust) and the day it was issued, signed with the
 * app secret so it cannot be made up or moved to another account.
 */
export function deviceToken(device: TrustedDevice, secret: string, now = Date.now()): string {
  const payload = [device.deviceId, device.userId, device.sessionVersion, Math.floor(now / 1000)].join('.');
  return `${payload}.${signature(payload, secret)}`;
}

/** What a device token says, or null when it was tampered with or is too old. */
export function readDeviceToken(token: string | undefined, secret: string, now = Date.now()): TrustedDevice | null {
  const parts = token?.split('.') ?? [];
  if (parts.length !== 5) return null;
  const [deviceId, userId, version, issued, given] = parts as [string, string, string, string, string];
  const expected = Buffer.from(signature(parts.slice(0, 4).join('.'), secret));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  if (!SAFE.test(deviceId) || !SAFE.test(userId) || !/^\d+$/.test(version) || !/^\d+$/.test(issued)) return null;
  if (now / 1000 - Number(issued) > DEVICE_TRUST_DAYS * 86400) return null;
  return { deviceId, userId, sessionVersion: Number(version) };
}
