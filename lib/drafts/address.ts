import 'server-only';

import { isDraftSlugTaken } from '@/db/queries/drafts';
import { isContentArticleSlug } from '@/lib/content';

import { SLUG_MAX_LENGTH, slugify, slugTakenMessage } from './slug';

async function isTaken(slug: string, draftId?: string): Promise<boolean> {
  return (await isContentArticleSlug(slug)) || (await isDraftSlugTaken(slug, draftId));
}

/**
 * The address a draft will have. A typed address is kept as typed or refused when another article
 * has it; with none typed, one is made from the title, numbered (-2, -3…) until it is free. The
 * unique index still has the last word when two saves race (see SlugTakenError).
 */
export async function resolveAddress(typed: string, title: string, draftId?: string): Promise<{ slug: string } | { error: string }> {
  if (typed) return (await isTaken(typed, draftId)) ? { error: slugTakenMessage(typed) } : { slug: typed };
  const base = slugify(title) || 'draft';
  for (let n = 1; n < 100; n++) {
    // The number takes the place of the title's last characters, so the address still fits the form.
    const candidate = n === 1 ? base : `${base.slice(0, SLUG_MAX_LENGTH - `-${n}`.length).replace(/-+$/, '')}-${n}`;
    if (!(await isTaken(candidate, draftId))) return { slug: candidate };
  }
  return { error: 'No free address could be made from this title. Type one in “Address”.' };
}
