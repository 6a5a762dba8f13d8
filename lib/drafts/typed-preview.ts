import 'server-only';

import { randomUUID } from 'node:crypto';

import { cookies } from 'next/headers';

import { routes } from '../routes';
import { createPreviewStore } from './preview-store';

// Without JavaScript, "Preview" posts the form and the page renders again in the same request. The
// action leaves what was typed here and names it in a cookie, which Next.js shows to that render;
// the render takes it once. Same request, same process, so memory is enough.
const COOKIE = 'draft-typed-preview';
const LIFETIME_MS = 60_000;
/** All previews together hold at most this much; the oldest make room for new ones. */
export const PREVIEW_BUDGET_BYTES = 32 * 1024 * 1024;
const typed = createPreviewStore({ budgetBytes: PREVIEW_BUDGET_BYTES, lifetimeMs: LIFETIME_MS });
// Longer than any field may be (the body's limit is 100,000 characters): a crafted post cannot fill memory.
const MAX_VALUE = 110_000;

export const TOO_LARGE_TO_PREVIEW = 'This is too long to preview without JavaScript. Nothing was lost: save the draft to see it, or turn JavaScript on.';

/** Keeps what was typed for the next render; false when it is too large to keep (nothing is kept). */
export async function keepTypedPreview(draftId: string, userId: string, values: Record<string, string>): Promise<boolean> {
  const token = randomUUID();
  const kept = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, value.slice(0, MAX_VALUE)]));
  if (!typed.put(token, { draftId, userId, values: kept })) return false;
  (await cookies()).set(COOKIE, token, { httpOnly: true, sameSite: 'lax', path: routes.editor.draft(draftId), maxAge: LIFETIME_MS / 1000 });
  return true;
}

/** What was typed for a preview of this draft by this person in this request, if anything. */
export async function takeTypedPreview(draftId: string, userId: string): Promise<Record<string, string> | undefined> {
  const token = (await cookies()).get(COOKIE)?.value;
  const entry = token ? typed.take(token) : undefined;
  if (!entry || entry.draftId !== draftId || entry.userId !== userId) return undefined;
  return entry.values;
}
