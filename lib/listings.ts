import 'server-only';

import type { Article, Page } from './content';
import { getArticles, getAuthorPage, getAuthors, getCategories, getCategoryPage, getTagPage, getTags, pageCount } from './content';
import { routes } from './routes';

export type Listing = {
  kind: 'category' | 'tag' | 'author';
  slug: string;
  title: string;
  kicker: string;
  description: string;
  listing: Page<Article>;
  href: (page: number) => string;
  feeds?: ReturnType<typeof routes.feeds>;
};

export type ListingKind = Listing['kind'];

/** One page of the category, tag or author listing, or null when there is no such page. */
export async function getListing(kind: ListingKind, slug: string, page: number): Promise<Listing | null> {
  if (kind === 'category') {
    const result = await getCategoryPage(slug, page);
    return (
      result && {
        kind,
        slug,
        title: result.category.name,
        kicker: 'Section',
        description: result.category.description,
        listing: result.listing,
        href: (n) => routes.category(slug, n),
        feeds: routes.feeds(slug),
      }
    );
  }
  if (kind === 'tag') {
    const result = await getTagPage(slug, page);
    return (
      result && {
        kind,
        slug,
        title: result.tag.name.replace(/^./, (first) => first.toUpperCase()),
        kicker: 'Topic',
        description: `Stories about ${result.tag.name}.`,
        listing: result.listing,
        href: (n) => routes.tag(slug, n),
      }
    );
  }
  const result = await getAuthorPage(slug, page);
  return (
    result && {
      kind,
      slug,
      title: result.author.name,
      kicker: result.author.role,
      description: result.author.bio,
      listing: result.listing,
      href: (n) => routes.author(slug, n),
    }
  );
}

async function counts(kind: ListingKind): Promise<{ slug: string; count: number }[]> {
  const articles = await getArticles();
  if (kind === 'tag') return getTags();
  const slugs = kind === 'category' ? (await getCategories()).map((c) => c.slug) : (await getAuthors()).map((a) => a.slug);
  const has = (article: Article, slug: string) => (kind === 'category' ? article.category.slug === slug : article.authors.some((author) => author.slug === slug));
  return slugs.map((slug) => ({ slug, count: articles.filter((article) => has(article, slug)).length }));
}

/** Params for generateStaticParams: every first page, or every further page. */
export async function listingParams(kind: ListingKind, further: boolean) {
  return (await counts(kind)).flatMap(({ slug, count }) =>
    further ? Array.from({ length: pageCount(count) - 1 }, (_, index) => ({ slug, page: String(index + 2) })) : [{ slug }],
  );
}
