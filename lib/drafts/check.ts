import 'server-only';

import { getImageMeta } from '@/db/queries/images';
import { listUsers, type PublicUser } from '@/db/queries/users';
import type { DraftContent } from '@/db/schema';
import { can } from '@/lib/auth/roles';
import { getCategories } from '@/lib/content';
import { compileDraftMdx, describeFailure } from '@/lib/content/draft-mdx';

import { resolveAddress } from './address';
import { CHECK_RUNNING, takeCompileTurn } from './preview-turns';
import type { DraftFields } from './schema';

/** `words`: of the body, counted by the worker that checked it, for the revision to store. */
export type DraftCheck = { ok: true; content: DraftContent; words: number } | { ok: false; error: string; fieldErrors: Record<string, string[]> };

/** Accounts that may be named as a draft's author by this person. */
export async function authorChoices(user: PublicUser): Promise<PublicUser[]> {
  if (!can(user.role, 'drafts:edit-any')) return [user];
  return (await listUsers()).filter((person) => person.active);
}

/**
 * What the database cannot check on its own: the category exists, the author is allowed, the address
 * is free and the body is MDX a draft may contain. Every problem is reported at once.
 */
export async function checkDraft(fields: DraftFields, user: PublicUser, draftId?: string): Promise<DraftCheck> {
  const fieldErrors: Record<string, string[]> = {};
  if (fields.category && !(await getCategories()).some((category) => category.slug === fields.category)) {
    fieldErrors.category = ['Choose one of the sections in the list.'];
  }
  if (!(await authorChoices(user)).some((person) => person.id === fields.authorId)) {
    fieldErrors.authorId = [can(user.role, 'drafts:edit-any') ? 'Choose an active account as the author.' : 'You can only write under your own name.'];
  }
  if (fields.heroImageId && !(await getImageMeta(fields.heroImageId))) fieldErrors.heroImage = ['This picture is no longer stored. Choose it again.'];
  // Saving compiles the body like a preview does, so it takes the same person's turn.
  const turn = takeCompileTurn(user.id, 'check');
  if (!turn.ok) return { ok: false, error: `Not saved: ${CHECK_RUNNING}`, fieldErrors: { body: [CHECK_RUNNING] } };
  const mdx = await compileDraftMdx(fields.body, { gate: turn.gate });
  if (!mdx.ok) fieldErrors.body = describeFailure(mdx);
  const address = await resolveAddress(fields.slug, fields.title, draftId);
  if ('error' in address) fieldErrors.slug = [address.error];

  const problems = Object.values(fieldErrors).flat();
  if (problems.length > 0 || !('slug' in address) || !mdx.ok) {
    const error = problems.length === 1 ? `Not saved: ${problems[0]}` : `Not saved: ${problems.length} things need fixing (listed by each field).`;
    return { ok: false, error, fieldErrors };
  }
  const { featured, ...rest } = fields;
  return { ok: true, content: { ...rest, slug: address.slug, featured }, words: mdx.words };
}
