import 'server-only';
import { randomUUID } from 'node:crypto';
import { cookies } from 'next/headers';

// Without JavaScript, "Preview" posts the form and the page renders again in the same request. The
// action leaves what was typed here and names it in a cookie, which Next.js shows to that render;
// the render takes it once. Same request, same process, so memory is enough.
const typed = new Map<string, { draftId: string; userId: string; values: Record<string, string>; expires: number }>();
const COOKIE = 'draft-typed-preview';
const LIFETIME_MS = 60_000;
const MAX_KEPT = 50;
// Longer than any field may be (the body's limit is 100,000 characters): a crafted post cannot fill memory.
const MAX_VALUE = 110_000;

export async function keepTypedPreview(draftId: string, userId: string, values: Record<string, string>) {
  const now = Date.now();
  for (const [key, entry] of typed) if (entry.expires < now || typed.size >= MAX_KEPT) typed.delete(key);
  const token = randomUUID();
  const kept = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, value.slice(0, MAX_VALUE)]));
  typed.set(token, { draftId, userId, values: kept, expires: now + LIFETIME_MS });
  (await cookies()).set(COOKIE, token, { httpOnly: true, sameSite: 'lax', path: `/editor/drafts/${draftId}`, maxAge: LIFETIME_MS / 1000 });
}

/** What was typed for a preview of this draft by this person in this request, if anything. */
export async function takeTypedPreview(draftId: string, userId: string): Promise<Record<string, string> | undefined> {
  const token = (await cookies()).get(COOKIE)?.value;
  const entry = token ? typed.get(token) : undefined;
  if (!token || !entry) return undefined;
  typed.delete(token);
  if (entry.draftId !== draftId || entry.userId !== userId || entry.expires < Date.now()) return undefined;
  return entry.values;
}
