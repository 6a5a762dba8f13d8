import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { log } from '../log';

// What content/ costs to work out (compiled MDX, word counts), kept on disk by a hash of what it was
// worked out from: the build's worker processes, the separate module instances Next.js gives the
// pages, the route handlers and proxy.ts, and the next build all find it there.

/** The name an entry is kept under: a hash of how it was worked out (`rules`, a version to bump when they change) and from what. */
export function cacheKey(rules: string, source: string): string {
  return createHash('sha256').update(rules).update('\0').update(source).digest('hex');
}

export function defaultCacheDir(): string {
  return path.join(process.cwd(), '.next', 'cache', 'broadsheet-mdx');
}

/** The entry `name` in `dir`, or null when there is none. */
export async function readCached(dir: string, name: string): Promise<string | null> {
  return readFile(path.join(dir, name), 'utf8').catch(() => null);
}

// Folders already reported: one warning each, not one per entry.
const unwritable = new Set<string>();

/** Stores `text` as the entry `name` in `dir`. A cache that cannot be written only costs time: that is logged, never thrown. */
export async function writeCached(dir: string, name: string, text: string): Promise<void> {
  const target = path.join(dir, name);
  // Write then rename, so a parallel writer never reads a half-written file.
  const temporary = `${target}.${randomUUID()}.tmp`;
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(temporary, text);
    await rename(temporary, target);
  } catch (error) {
    if (!unwritable.has(dir)) log.warn({ err: error }, `Cannot write the content cache in ${dir}; its entries will be worked out again`);
    unwritable.add(dir);
    await rm(temporary, { force: true }).catch(() => undefined);
  }
}
