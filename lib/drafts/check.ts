import 'server-only';

import { getAuthorProfilesByIds, getProfileOfUser, listAuthorProfiles } from '@/db/queries/author-profiles';
import { getImageMeta } from '@/db/queries/images';
import type { PublicUser } from '@/db/queries/users';
import type { AuthorProfile, DraftContent } from '@/db/schema';
import { can } from '@/lib/auth/roles';
import { getCategories } from '@/lib/content';
import { compileDraftMdx, describeFailure } from '@/lib/content/draft-mdx';

import { resolveAddress } from './address';
import { CHECK_RUNNING, takeCompileTurn } from './preview-turns';
import type { DraftFields } from './schema';

/** `words`: of the body, counted by the worker that checked it, for the revision to store. */
export type DraftCheck = { ok: true; content: DraftContent; words: number } | { ok: false; error: string; fieldErrors: Record<string, string[]> };

/** Profiles that may be put on a byline: any (a contributor's co-authors too; see bylineProblem). */
export async function authorChoices(): Promise<AuthorProfile[]> {
  return listAuthorProfiles();
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, index) => id === b[index]);

/**
 * Why this byline cannot be saved, if it cannot: every id must be a profile (an array has no
 * foreign keys), and a contributor who changes it writes under their own name first, with any
 * co-authors after it (a byline an editor gave their draft stays as it is while they leave it alone).
 */
export async function bylineProblem(authorIds: string[], user: PublicUser, saved: readonly string[] = []): Promise<string | null> {
  const found = await getAuthorProfilesByIds(authorIds);
  if (found.length !== authorIds.length) return 'An author on the byline no longer exists. Choose each author again from the list.';
  if (can(user.role, 'drafts:edit-any') || authorIds.length === 0 || same(authorIds, saved)) return null;
  const own = await getProfileOfUser(user.id);
  if (!own) return 'Set up your public profile on your Account page first: your name comes first on your byline.';
  return authorIds[0] === own.id ? null : `You write under your own name: put “${own.name}” first on the byline, co-authors after it.`;
}

/**
 * What the database cannot check on its own: the category exists, the author is allowed, the address
 * is free and the body is MDX a draft may contain. Every problem is reported at once.
 */
export async function checkDraft(fields: DraftFields, user: PublicUser, draft?: { id: string; authorIds: string[] }): Promise<DraftCheck> {
  const fieldErrors: Record<string, string[]> = {};
  if (fields.category && !(await getCategories()).some((category) => category.slug === fields.category)) {
    fieldErrors.category = ['Choose one of the sections in the list.'];
  }
  const byline = await bylineProblem(fields.authorIds, user, draft?.authorIds);
  if (byline) fieldErrors.authorIds = [byline];
  if (fields.heroImageId && !(await getImageMeta(fields.heroImageId))) fieldErrors.heroImage = ['This picture is no longer stored. Choose it again.'];
  // Saving compiles the body like a preview does, so it takes the same person's turn.
  const turn = takeCompileTurn(user.id, 'check');
  if (!turn.ok) return { ok: false, error: `Not saved: ${CHECK_RUNNING}`, fieldErrors: { body: [CHECK_RUNNING] } };
  const mdx = await compileDraftMdx(fields.body, { gate: turn.gate });
  if (!mdx.ok) fieldErrors.body = describeFailure(mdx);
  const address = await resolveAddress(fields.slug, fields.title, draft?.id);
  if ('error' in address) fieldErrors.slug = [address.error];

  const problems = Object.values(fieldErrors).flat();
  if (problems.length > 0 || !('slug' in address) || !mdx.ok) {
    const error = problems.length === 1 ? `Not saved: ${problems[0]}` : `Not saved: ${problems.length} things need fixing (listed by each field).`;
    return { ok: false, error, fieldErrors };
  }
  const { featured, ...rest } = fields;
  return { ok: true, content: { ...rest, slug: address.slug, featured }, words: mdx.words };
}
