import { BreakingNewsBanner } from '@/components/breaking-news-banner';
import { NotFoundContent } from '@/components/not-found-content';
import { SiteFooter } from '@/components/site-footer';
import { SiteHeader } from '@/components/site-header';
import { getLiveBanner } from '@/lib/breaking-news/live';
import { getCategories, getSite } from '@/lib/content';

export const metadata = { title: 'Page not found', robots: { index: false } };

// For addresses that match no route at all, so no section layout wraps this page. Next.js prerenders
// it and keeps it like any static page: the banner's cached read gives it the banner's tag, so posting,
// taking down or the expiry job renders it again once, and its lifetime is at most the banner's. A
// 404 is served from that copy: bots asking for unknown addresses never reach the database.
export default async function NotFound() {
  const [site, categories, banner] = await Promise.all([getSite(), getCategories(), getLiveBanner()]);
  return (
    <>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      {banner ? <BreakingNewsBanner banner={banner} /> : null}
      <SiteHeader site={site} />
      <main id="main" tabIndex={-1}>
        <NotFoundContent />
      </main>
      <SiteFooter site={site} categories={categories} />
    </>
  );
}
