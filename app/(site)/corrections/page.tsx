import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

import { CorrectionEntry } from '@/components/article-corrections';
import { Pagination } from '@/components/pagination';
import { getCorrectionsPage, getSite, parsePageNumber } from '@/lib/content';
import { routes } from '@/lib/routes';
import { listingMetadata } from '@/lib/seo/metadata';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const DESCRIPTION = 'Every correction and clarification we have made to our stories, newest first.';

/** `?page=` as a page number; an absent one is the first page, anything else not a page is none. */
async function pageOf(searchParams: Props['searchParams']): Promise<number | null> {
  const { page } = await searchParams;
  if (page === undefined) return 1;
  return typeof page === 'string' ? parsePageNumber(page) : null;
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const page = (await pageOf(searchParams)) ?? 1;
  return listingMetadata({
    site: await getSite(),
    title: page > 1 ? `Corrections, page ${page}` : 'Corrections',
    description: DESCRIPTION,
    path: routes.corrections(page),
  });
}

export default async function CorrectionsPage({ searchParams }: Props) {
  const page = await pageOf(searchParams);
  const [site, listing] = await Promise.all([getSite(), page ? getCorrectionsPage(page) : null]);
  if (!listing) notFound();
  return (
    <div className="container narrow">
      <header className="listing-header">
        <h1>Corrections</h1>
        <p className="listing-header__intro">{DESCRIPTION}</p>
      </header>
      {listing.items.length === 0 ? (
        <p>No corrections yet.</p>
      ) : (
        <ol role="list" className="corrections-list">
          {listing.items.map((correction) => (
            <li key={`${correction.article.slug}-${correction.date.toISOString()}-${correction.text.slice(0, 40)}`}>
              <h2 className="corrections-list__article">
                <a href={routes.article(correction.article.slug)}>{correction.article.title}</a>
              </h2>
              <CorrectionEntry correction={correction} site={site} />
            </li>
          ))}
        </ol>
      )}
      <Pagination page={listing.page} totalPages={listing.totalPages} href={routes.corrections} label="Corrections pages" />
    </div>
  );
}
