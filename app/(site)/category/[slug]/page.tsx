import { type ListingParams, ListingRoute, listingRouteMetadata } from '@/components/listing-route';
import { listingParams } from '@/lib/listings';

// Unknown addresses get the static 404 page: complete HTML, readable without JavaScript.
export const dynamicParams = false;

type Props = { params: ListingParams };

export const generateStaticParams = () => listingParams('category', false);
export const generateMetadata = ({ params }: Props) => listingRouteMetadata('category', params);

export default function Page({ params }: Props) {
  return <ListingRoute kind="category" params={params} />;
}
