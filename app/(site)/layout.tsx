import type { ReactNode } from 'react';

import { SiteFooter } from '@/components/site-footer';
import { SiteHeader } from '@/components/site-header';
import { getCategories, getSite } from '@/lib/content';

export default async function SiteLayout({ children }: { children: ReactNode }) {
  const [site, categories] = await Promise.all([getSite(), getCategories()]);
  return (
    <>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <SiteHeader site={site} />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <SiteFooter site={site} categories={categories} />
    </>
  );
}
