import { Feed } from 'feed';

import type { Article, Site } from '../content/types';
import { absoluteUrl, routes } from '../routes';

const FEED_LIMIT = 50;

type FeedScope = { title: string; description: string; path: string; feeds: ReturnType<typeof routes.feeds> };

export function buildFeed(site: Site, articles: Article[], scope: FeedScope): Feed {
  const items = articles.slice(0, FEED_LIMIT);
  const feed = new Feed({
    id: absoluteUrl(site, scope.path),
    title: scope.title,
    description: scope.description,
    link: absoluteUrl(site, scope.path),
    language: site.language,
    updated: items[0] ? (items[0].updated ?? items[0].published) : undefined,
    generator: 'Broadsheet',
    favicon: absoluteUrl(site, '/icon.svg'),
    copyright: `© ${site.name}`,
    feedLinks: {
      rss: absoluteUrl(site, scope.feeds.rss),
      atom: absoluteUrl(site, scope.feeds.atom),
      json: absoluteUrl(site, scope.feeds.json),
    },
  });
  for (const article of items) {
    const link = absoluteUrl(site, routes.article(article.slug));
    feed.addItem({
      id: link,
      guid: link,
      link,
      title: article.title,
      description: article.standfirst,
      date: article.updated ?? article.published,
      published: article.published,
      author: article.authors.map((author) => ({ name: author.name, link: absoluteUrl(site, routes.author(author.slug)) })),
      category: [{ name: article.category.name, domain: absoluteUrl(site, routes.category(article.category.slug)) }],
      image: { url: absoluteUrl(site, article.hero.src), type: 'image/jpeg' },
    });
  }
  return feed;
}

export type FeedFormat = 'rss' | 'atom' | 'json';

const contentTypes: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

type JsonFeed = { version: string; items: { id: string; authors?: { name: string; url?: string }[] }[] };

/**
 * JSON Feed 1.1, whose `authors` lists every author: the library writes 1.0, which has room for
 * one. Its `author` (the first) stays for 1.0 readers, as the 1.1 spec advises.
 */
function jsonFeed(feed: Feed): string {
  const json = JSON.parse(feed.json1()) as JsonFeed;
  const byId = new Map(feed.items.map((item) => [item.id, item.author ?? []]));
  json.version = 'https://jsonfeed.org/version/1.1';
  for (const item of json.items) item.authors = (byId.get(item.id) ?? []).map((author) => ({ name: author.name ?? '', ...(author.link ? { url: author.link } : {}) }));
  return JSON.stringify(json, null, 4);
}

export function feedResponse(feed: Feed, format: FeedFormat): Response {
  const body = format === 'rss' ? feed.rss2() : format === 'atom' ? feed.atom1() : jsonFeed(feed);
  return new Response(body, { headers: { 'Content-Type': contentTypes[format] } });
}
