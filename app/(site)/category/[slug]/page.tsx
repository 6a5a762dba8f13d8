import { type ListingParams, ListingRoute, listingRouteMetadata } from '@/components/listing-route';
import { listingParams } from '@/lib/listings';

// Sections made in the newsroom bring new pages after the build. Unknown addresses never render here:
// proxy.ts sends them to the static 404 page, complete HTML that reads without JavaScript.
export const dynamicParams = true;

type Props = { params: ListingParams };

export const generateStaticParams = () => listingParams('category', false);
export const generateMetadata = ({ params }: Props) => listingRouteMetadata('category', params);

export default function Page({ params }: Props) {
  return <ListingRoute kind="category" params={params} />;
}
