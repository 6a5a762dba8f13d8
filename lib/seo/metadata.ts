import type { Metadata } from 'next';

import type { Article, Site } from '../content/types';
import { routes } from '../routes';

type Feeds = ReturnType<typeof routes.feeds>;

/**
 * `<link rel="alternate">` for feeds. A page's `alternates` replaces the layout's whole, so every
 * page passes the site feeds again, plus its section's feeds where it has them.
 */
export function feedAlternates(siteName: string, section?: { name: string; feeds: Feeds }) {
  const all = [{ title: siteName, feeds: routes.feeds() }, ...(section ? [{ title: section.name, feeds: section.feeds }] : [])];
  return {
    'application/rss+xml': all.map(({ title, feeds }) => ({ url: feeds.rss, title: `${title} (RSS)` })),
    'application/atom+xml': all.map(({ title, feeds }) => ({ url: feeds.atom, title: `${title} (Atom)` })),
    'application/feed+json': all.map(({ title, feeds }) => ({ url: feeds.json, title: `${title} (JSON Feed)` })),
  };
}

type ListingMetadata = { site: Site; title: string; description: string; path: string; feeds?: Feeds };

export function listingMetadata({ site, title, description, path, feeds }: ListingMetadata): Metadata {
  return {
    title,
    description,
    alternates: {
      canonical: path,
      types: feedAlternates(site.name, feeds && { name: title, feeds }),
    },
    openGraph: { title, description, url: path, type: 'website' },
    twitter: { card: 'summary_large_image', title, description },
  };
}

export function articleMetadata(article: Article, site: Site): Metadata {
  const path = routes.article(article.slug);
  return {
    title: article.title,
    description: article.standfirst,
    authors: article.authors.map((author) => ({ name: author.name, url: routes.author(author.slug) })),
    keywords: article.tags,
    alternates: {
      canonical: path,
      types: feedAlternates(site.name, { name: article.category.name, feeds: routes.feeds(article.category.slug) }),
    },
    openGraph: {
      type: 'article',
      url: path,
      title: article.title,
      description: article.standfirst,
      siteName: site.name,
      publishedTime: article.published.toISOString(),
      modifiedTime: (article.updated ?? article.published).toISOString(),
      section: article.category.name,
      tags: article.tags,
      authors: article.authors.map((author) => routes.author(author.slug)),
    },
    twitter: { card: 'summary_large_image', title: article.title, description: article.standfirst },
  };
}
