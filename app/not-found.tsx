import { NotFoundContent } from '@/components/not-found-content';
import { SiteFooter } from '@/components/site-footer';
import { SiteHeader } from '@/components/site-header';
import { getCategories, getSite } from '@/lib/content';

export const metadata = { title: 'Page not found', robots: { index: false } };

// For addresses that match no route at all, so no section layout wraps this page.
export default async function NotFound() {
  const [site, categories] = await Promise.all([getSite(), getCategories()]);
  return (
    <>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <SiteHeader site={site} />
      <main id="main" tabIndex={-1}>
        <NotFoundContent />
      </main>
      <SiteFooter site={site} categories={categories} />
    </>
  );
}
