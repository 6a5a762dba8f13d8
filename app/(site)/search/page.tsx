import type { Metadata } from 'next';

import { SearchForm } from '@/components/search/search-form';
import { SearchResults } from '@/components/search/search-results';
import { getAuthors, getCategories, getSite } from '@/lib/content';
import { routes } from '@/lib/routes';
import { parseSearchParams, searchArticles } from '@/lib/search';
import { countSearch } from '@/lib/search/rate-limit';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { q } = parseSearchParams(await searchParams);
  return { title: q ? `Search: ${q}` : 'Search', robots: { index: false, follow: true }, alternates: { canonical: routes.search() } };
}

export default async function SearchPage({ searchParams }: Props) {
  const params = parseSearchParams(await searchParams);
  const [site, categories, authors] = await Promise.all([getSite(), getCategories(), getAuthors()]);
  const limit = params.q ? await countSearch() : ({ allowed: true } as const);
  const results = params.q && limit.allowed ? await searchArticles(params) : null;
  return (
    <div className="container narrow">
      <h1>Search</h1>
      <SearchForm params={params} categories={categories} authors={authors.map(({ slug, name }) => ({ slug, name }))} />
      {!limit.allowed ? (
        <p role="status" className="search-note">
          {`You have searched a lot in a short time. Please wait ${limit.retryAfterSeconds} seconds, then try again.`}
        </p>
      ) : results ? (
        <SearchResults site={site} params={params} results={results} />
      ) : (
        <p role="status" className="search-note">
          Type a word or two to search every article.
        </p>
      )}
    </div>
  );
}
