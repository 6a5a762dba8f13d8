import { isOrganisation } from '../content/byline';
import type { Article, Site } from '../content/types';
import { absoluteUrl, routes } from '../routes';
import { searchTemplate } from './open-search';

export function organizationJsonLd(site: Site) {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsMediaOrganization',
    name: site.name,
    url: absoluteUrl(site, '/'),
    logo: absoluteUrl(site, '/icon.svg'),
    sameAs: site.social.map((link) => link.href),
  };
}

/** The site itself, with its search: lets search engines offer a search box for it. */
export function websiteJsonLd(site: Site) {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    name: site.name,
    url: absoluteUrl(site, '/'),
    inLanguage: site.language,
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: searchTemplate(site) },
      'query-input': 'required name=search_term_string',
    },
  };
}

export function newsArticleJsonLd(article: Article, site: Site) {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.standfirst,
    image: [absoluteUrl(site, article.hero.src), absoluteUrl(site, `${routes.article(article.slug)}/opengraph-image`)],
    datePublished: article.published.toISOString(),
    dateModified: (article.updated ?? article.published).toISOString(),
    articleSection: article.category.name,
    keywords: article.tags.join(', '),
    wordCount: article.words,
    mainEntityOfPage: absoluteUrl(site, routes.article(article.slug)),
    // Partner outlets and wire services are organisations, not people.
    author: article.authors.map((author) => ({
      '@type': isOrganisation(author) ? 'Organization' : 'Person',
      name: author.name,
      url: absoluteUrl(site, routes.author(author.slug)),
    })),
    // schema.org's CreativeWork.correction: each correction or clarification, newest first.
    ...(article.corrections.length > 0
      ? { correction: article.corrections.map((correction) => ({ '@type': 'CorrectionComment', text: correction.text, datePublished: correction.date.toISOString() })) }
      : {}),
    publisher: { '@type': 'NewsMediaOrganization', name: site.name, url: absoluteUrl(site, '/'), logo: { '@type': 'ImageObject', url: absoluteUrl(site, '/icon.svg') } },
  };
}

export function breadcrumbJsonLd(site: Site, trail: { name: string; path: string }[]) {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((item, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: item.name,
      item: absoluteUrl(site, item.path),
    })),
  };
}
