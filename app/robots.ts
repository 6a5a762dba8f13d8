import type { MetadataRoute } from 'next';

import { getSite } from '@/lib/content';
import { absoluteUrl, routes } from '@/lib/routes';

export default async function robots(): Promise<MetadataRoute.Robots> {
  const site = await getSite();
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: [`${routes.editor.home()}/`, '/api/'] }],
    sitemap: [absoluteUrl(site, '/sitemap.xml'), absoluteUrl(site, '/news-sitemap.xml')],
    host: site.url,
  };
}
