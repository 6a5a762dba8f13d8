import { create } from 'xmlbuilder2';

import type { Article, Site } from '../content/types';
import { absoluteUrl, routes } from '../routes';

/** A Google News sitemap: the articles of the last 48 hours, with their news: publication tags. */
export function newsSitemapXml(site: Site, articles: Article[]): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('urlset', {
    xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9',
    'xmlns:news': 'http://www.google.com/schemas/sitemap-news/0.9',
  });
  for (const article of articles) {
    const entry = root.ele('url');
    entry.ele('loc').txt(absoluteUrl(site, routes.article(article.slug)));
    const news = entry.ele('news:news');
    const publication = news.ele('news:publication');
    publication.ele('news:name').txt(site.name);
    publication.ele('news:language').txt(site.language);
    news.ele('news:publication_date').txt(article.published.toISOString());
    news.ele('news:title').txt(article.title);
  }
  return root.end({ prettyPrint: true });
}
