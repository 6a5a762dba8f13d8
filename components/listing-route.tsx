import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

import { getSite, parsePageNumber } from '@/lib/content';
import { getListing, type ListingKind } from '@/lib/listings';
import { listingMetadata } from '@/lib/seo/metadata';

import { ListingView } from './listing-view';

export type ListingParams = Promise<{ slug: string; page?: string }>;

async function load(kind: ListingKind, params: ListingParams) {
  const { slug, page: segment } = await params;
  // Page 1 lives at the listing's own URL, so ".../page/1" is not a second copy of it.
  const page = segment === undefined ? 1 : parsePageNumber(segment);
  return page && (segment === undefined || page > 1) ? getListing(kind, slug, page) : null;
}

export async function listingRouteMetadata(kind: ListingKind, params: ListingParams): Promise<Metadata> {
  const [site, listing] = await Promise.all([getSite(), load(kind, params)]);
  if (!listing) return {};
  const page = listing.listing.page;
  return listingMetadata({
    site,
    title: page > 1 ? `${listing.title}, page ${page}` : listing.title,
    description: listing.description,
    path: listing.href(page),
    feeds: listing.feeds,
  });
}

export async function ListingRoute({ kind, params }: { kind: ListingKind; params: ListingParams }) {
  const [site, listing] = await Promise.all([getSite(), load(kind, params)]);
  if (!listing) notFound();
  return (
    <ListingView
      site={site}
      kicker={listing.kicker}
      title={listing.title}
      intro={<p className="listing-header__intro">{listing.description}</p>}
      listing={listing.listing}
      href={listing.href}
    />
  );
}
