import { getRecentArticles, getSite } from '@/lib/content';
import { newsSitemapXml } from '@/lib/seo/news-sitemap';

// The 48-hour window moves with the clock, so the static file is regenerated every ten minutes.
export const revalidate = 600;

export async function GET() {
  const [site, articles] = await Promise.all([getSite(), getRecentArticles(new Date())]);
  return new Response(newsSitemapXml(site, articles), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
}
