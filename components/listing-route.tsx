import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';

import { getRetiredCategoryTarget, getSite, parsePageNumber } from '@/lib/content';
import { getListing, type ListingKind } from '@/lib/listings';
import { routes } from '@/lib/routes';
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

/**
 * A retired section's address leads permanently (308) to the section its articles went to: links and
 * search results keep working. One retired without articles has nowhere to lead, and is gone.
 */
async function redirectRetired(kind: ListingKind, params: ListingParams): Promise<void> {
  if (kind !== 'category') return;
  const target = await getRetiredCategoryTarget((await params).slug);
  if (target) permanentRedirect(routes.category(target.slug));
}

export async function ListingRoute({ kind, params }: { kind: ListingKind; params: ListingParams }) {
  const [site, listing] = await Promise.all([getSite(), load(kind, params)]);
  if (!listing) {
    await redirectRetired(kind, params);
    notFound();
  }
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
