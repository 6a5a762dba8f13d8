import type { ReactNode } from 'react';

import { BreakingNewsBanner } from '@/components/breaking-news-banner';
import { SiteFooter } from '@/components/site-footer';
import { SiteHeader } from '@/components/site-header';
import { getLiveBanner } from '@/lib/breaking-news/live';
import { getCategories, getSite } from '@/lib/content';

export default async function SiteLayout({ children }: { children: ReactNode }) {
  const [site, categories, banner] = await Promise.all([getSite(), getCategories(), getLiveBanner()]);
  return (
    <>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      {banner ? <BreakingNewsBanner banner={banner} /> : null}
      <SiteHeader site={site} />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <SiteFooter site={site} categories={categories} />
    </>
  );
}
