import { getImageMetas } from '@/db/queries/images';
import { getUser, type PublicUser } from '@/db/queries/users';
import type { DraftContent } from '@/db/schema';

import { compileDraftMdx, type CompileGate,describeFailure } from './draft-mdx';
import { mediaSrc } from './media';
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

/** Public author profile of an account, or what is missing from it. */
async function authorFromUser(user: PublicUser | undefined): Promise<{ author: Author } | { problems: string[] }> {
  if (!user) return { problems: ['The author’s account no longer exists.'] };
  const missing: string[] = [];
  if (!user.profileSlug) missing.push('a profile address');
  if (!user.bio || user.bio.trim().length < 20) missing.push('a bio of at least 20 characters');
  if (!user.pictureImageId || !user.pictureAlt) missing.push('a picture with alt text');
  if (missing.length > 0 || !user.profileSlug || !user.pictureImageId) {
    return { problems: [`${user.name} needs a public profile first (${missing.join(', ')}): they can add it on their Account page.`] };
  }
  const picture = (await getImageMetas([user.pictureImageId])).get(user.pictureImageId);
  if (!picture) return { problems: [`${user.name}’s profile picture is missing.`] };
  return {
    author: {
      slug: user.profileSlug,
      name: user.name,
      role: user.role === 'contributor' ? 'Contributor' : 'Reporter',
      bio: user.bio ?? '',
      picture: { src: mediaSrc(picture.id), alt: user.pictureAlt ?? '', width: picture.width, height: picture.height },
      links: [],
    },
  };
}

/**
 * A newsroom draft as an Article, the shape every public page renders, or the reasons it cannot be
 * one yet. Published articles, previews and the live preview all come through here, so they look
 * the same as articles from content/.
 */
export async function draftToArticle(input: DraftArticleInput, categories: Category[]): Promise<DraftArticleResult> {
  const { content } = input;
  const problems: string[] = [];
  if (content.title.trim().length < 5) problems.push('The title needs at least 5 characters.');
  if (content.standfirst.trim().length < 20) problems.push('The standfirst needs at least 20 characters.');
  if (content.body.trim().length === 0) problems.push('The body is empty.');
  const category = categories.find((candidate) => candidate.slug === content.category);
  if (!category) problems.push('Choose a category.');
  const hero = content.heroImageId ? (await getImageMetas([content.heroImageId])).get(content.heroImageId) : undefined;
  if (!hero) problems.push('Add a hero image.');
  const heroAlt = altProblem(content.heroAlt, 'hero image');
  if (heroAlt) problems.push(heroAlt);
  const author = await authorFromUser(await getUser(content.authorId));
  if ('problems' in author) problems.push(...author.problems);
  if (problems.length > 0 || !category || !hero || !('author' in author)) return { ok: false, problems };

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
      author: author.author,
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
