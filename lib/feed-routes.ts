import 'server-only';

import { getArticles, getCategories, getCategory, getRetiredCategoryTarget, getSite } from './content';
import { routes } from './routes';
import { buildFeed, type FeedFormat, feedResponse } from './seo/feeds';

export async function siteFeed(format: FeedFormat): Promise<Response> {
  const [site, articles] = await Promise.all([getSite(), getArticles()]);
  const feed = buildFeed(site, articles, { title: site.name, description: site.description, path: '/', feeds: routes.feeds() });
  return feedResponse(feed, format);
}

export async function categoryFeed(format: FeedFormat, slug: string): Promise<Response> {
  const [site, category, articles] = await Promise.all([getSite(), getCategory(slug), getArticles()]);
  if (!category) {
    // A retired section's feed leads where its articles went, as its page does, so subscriptions carry on.
    const target = await getRetiredCategoryTarget(slug);
    if (target) return new Response(null, { status: 308, headers: { Location: routes.feeds(target.slug)[format] } });
    return new Response('No such section.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  const feed = buildFeed(
    site,
    articles.filter((article) => article.category.slug === slug),
    { title: `${category.name} | ${site.name}`, description: category.description, path: routes.category(slug), feeds: routes.feeds(slug) },
  );
  return feedResponse(feed, format);
}

export async function categoryFeedParams() {
  return (await getCategories()).map((category) => ({ slug: category.slug }));
}
