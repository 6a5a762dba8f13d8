import { getAuthorProfilesByIds } from '@/db/queries/author-profiles';
import { getImageMetas, type ImageMeta } from '@/db/queries/images';
import type { AuthorProfile, DraftContent } from '@/db/schema';

import { compileDraftMdx, type CompileGate,describeFailure } from './draft-mdx';
import { mediaSrc } from './media';
import { authorFromProfile } from './profile-author';
import { readingOf } from './reading-time';
import { altTextSchema } from './schema';
import type { Article, ArticleCorrection, Author, Category } from './types';

export type DraftArticleInput = {
  id: string;
  content: DraftContent;
  publishedAt: Date;
  updatedAt?: Date | null;
  /** Counted when the body was compiled in the worker (never here: see draft-mdx.ts); null if not known. */
  words?: number | null;
  /** Newest first; a preview or a first publication has none. */
  corrections?: ArticleCorrection[];
};

export type DraftArticleResult = { ok: true; article: Article } | { ok: false; problems: string[] };

function altProblem(alt: string, what: string): string | null {
  const result = altTextSchema.safeParse(alt);
  return result.success ? null : `The ${what} alt text ${result.error.issues[0]?.message ?? 'is not valid'}.`;
}

/** The byline's profiles in order, or what keeps them off it. */
function bylineOf(authorIds: string[], known: Map<string, AuthorProfile>, pictures: Map<string, ImageMeta>): { authors: Author[] } | { problems: string[] } {
  if (authorIds.length === 0) return { problems: ['Add an author to the byline (an account sets up its profile on its Account page).'] };
  const profiles = authorIds.flatMap((id) => known.get(id) ?? []);
  if (profiles.length < authorIds.length) return { problems: ['An author on the byline no longer exists: choose the byline again.'] };
  const converted = profiles.map((profile) => authorFromProfile(profile, pictures));
  const problems = converted.flatMap((result) => ('problem' in result ? [result.problem] : []));
  return problems.length > 0 ? { problems } : { authors: converted.flatMap((result) => ('author' in result ? [result.author] : [])) };
}

/**
 * A newsroom draft as an Article, the shape every public page renders, or the reasons it cannot be
 * one yet. Published articles, previews and the live preview all come through here, so they look
 * the same as articles from content/.
 */
export async function draftToArticle(input: DraftArticleInput, categories: Category[], profiles?: Map<string, AuthorProfile>): Promise<DraftArticleResult> {
  const { content } = input;
  const problems: string[] = [];
  if (content.title.trim().length < 5) problems.push('The title needs at least 5 characters.');
  if (content.standfirst.trim().length < 20) problems.push('The standfirst needs at least 20 characters.');
  if (content.body.trim().length === 0) problems.push('The body is empty.');
  const category = categories.find((candidate) => candidate.slug === content.category);
  if (!category) problems.push('Choose a category.');
  // Revisions saved before bylines were lists have neither field (the migration converted them; a backup may not have).
  const authorIds = content.authorIds ?? [];
  const known = profiles ?? new Map((await getAuthorProfilesByIds(authorIds)).map((profile) => [profile.id, profile]));
  const pictureIds = authorIds.flatMap((id) => known.get(id)?.pictureImageId ?? []);
  const images = await getImageMetas([...(content.heroImageId ? [content.heroImageId] : []), ...pictureIds]);
  const hero = content.heroImageId ? images.get(content.heroImageId) : undefined;
  if (!hero) problems.push('Add a hero image.');
  const heroAlt = altProblem(content.heroAlt, 'hero image');
  if (heroAlt) problems.push(heroAlt);
  const byline = bylineOf(authorIds, known, images);
  if ('problems' in byline) problems.push(...byline.problems);
  if (problems.length > 0 || !category || !hero || !('authors' in byline)) return { ok: false, problems };

  const updated = input.updatedAt && input.updatedAt > input.publishedAt ? input.updatedAt : undefined;
  return {
    ok: true,
    article: {
      slug: content.slug,
      title: content.title.trim(),
      standfirst: content.standfirst.trim(),
      published: input.publishedAt,
      ...(updated ? { updated } : {}),
      category,
      tags: content.tags,
      authors: byline.authors,
      ...(content.credit?.trim() ? { credit: content.credit.trim() } : {}),
      hero: {
        src: mediaSrc(hero.id),
        alt: content.heroAlt.trim(),
        ...(content.heroCredit.trim() ? { credit: content.heroCredit.trim() } : {}),
        width: hero.width,
        height: hero.height,
      },
      featured: content.featured,
      corrections: input.corrections ?? [],
      body: content.body,
      file: `draft ${input.id}`,
      ...readingOf(input.words),
    },
  };
}

export type PreparedDraft = { article?: Article; code?: string; problems: string[] };

/**
 * A draft compiled (restricted MDX, in a worker) and converted, with everything that stops it from
 * being shown or published: the one path for the live preview, the full-page preview and the
 * publish check. `gate` is the turn of the person who asked (see compileDraftMdx).
 */
export async function prepareDraft(input: DraftArticleInput, categories: Category[], gate?: CompileGate): Promise<PreparedDraft> {
  const [mdx, converted] = await Promise.all([compileDraftMdx(input.content.body, gate ? { gate } : {}), draftToArticle(input, categories)]);
  return {
    ...(converted.ok ? { article: { ...converted.article, ...readingOf(mdx.ok ? mdx.words : input.words) } } : {}),
    ...(mdx.ok ? { code: mdx.code } : {}),
    problems: [...(converted.ok ? [] : converted.problems), ...(mdx.ok ? [] : describeFailure(mdx))],
  };
}
