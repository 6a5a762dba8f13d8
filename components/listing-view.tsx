import type { ReactNode } from 'react';

import type { Article, Page, Site } from '@/lib/content';

import { ArticleList } from './article-list';
import { Pagination } from './pagination';

type ListingViewProps = {
  site: Site;
  title: string;
  kicker?: string;
  intro?: ReactNode;
  listing: Page<Article>;
  href: (page: number) => string;
};

export function ListingView({ site, title, kicker, intro, listing, href }: ListingViewProps) {
  return (
    <div className="container">
      <header className="listing-header">
        {kicker ? <p className="kicker">{kicker}</p> : null}
        <h1>
          {title}
          {listing.page > 1 ? <span className="listing-header__page">, page {listing.page}</span> : null}
        </h1>
        {intro}
      </header>
      <ArticleList articles={listing.items} site={site} headingLevel={2} opensPage />
      <Pagination page={listing.page} totalPages={listing.totalPages} href={href} label={`${title} pages`} />
    </div>
  );
}
