import { ListingRoute, listingRouteMetadata, type ListingParams } from '@/components/listing-route';
import { listingParams } from '@/lib/listings';

// Unknown addresses get the static 404 page: complete HTML, readable without JavaScript.
export const dynamicParams = false;

type Props = { params: ListingParams };

export const generateStaticParams = () => listingParams('author', true);
export const generateMetadata = ({ params }: Props) => listingRouteMetadata('author', params);

export default function Page({ params }: Props) {
  return <ListingRoute kind="author" params={params} />;
}
