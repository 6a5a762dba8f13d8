import 'server-only';

import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { assertRuntimeEnv, env } from './env.mjs';

let cached: string | undefined;

/**
 * The secret that signs unsubscribe links: APP_SECRET (required in production). In development a
 * random one is created once under .data/, so links in earlier emails keep working across restarts.
 */
export function appSecret(): string {
  if (cached) return cached;
  if (env.APP_SECRET) return (cached = env.APP_SECRET);
  assertRuntimeEnv();
  const file = path.join(process.cwd(), '.data', 'app-secret');
  try {
    cached = readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(path.dirname(file), { recursive: true });
    const fresh = randomBytes(32).toString('base64url');
    try {
      writeFileSync(file, fresh, { flag: 'wx', mode: 0o600 });
    } catch {
      // Another process created it first: use theirs.
    }
    cached = readFileSync(file, 'utf8').trim();
  }
  return cached;
}
