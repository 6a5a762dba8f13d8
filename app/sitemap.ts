import type { MetadataRoute } from 'next';

import { getArchiveMonths, getArticles, getAuthors, getCategories, getSite, getTags } from '@/lib/content';
import { absoluteUrl, routes } from '@/lib/routes';

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const [site, articles, categories, authors, tags, months] = await Promise.all([getSite(), getArticles(), getCategories(), getAuthors(), getTags(), getArchiveMonths()]);
  const url = (path: string) => absoluteUrl(site, path);
  const newest = articles[0]?.published;
  return [
    { url: url('/'), lastModified: newest, changeFrequency: 'hourly', priority: 1 },
    ...articles.map((article) => ({
      url: url(routes.article(article.slug)),
      lastModified: article.updated ?? article.published,
      images: [url(article.hero.src)],
    })),
    ...categories.map((category) => ({ url: url(routes.category(category.slug)), changeFrequency: 'daily' as const })),
    ...authors.map((author) => ({ url: url(routes.author(author.slug)) })),
    ...tags.map((tag) => ({ url: url(routes.tag(tag.slug)) })),
    { url: url(routes.archive()) },
    ...months.map((month) => ({ url: url(routes.archiveMonth(month.year, month.month)) })),
    { url: url(routes.corrections()) },
    { url: url(routes.newsletter()) },
  ];
}
