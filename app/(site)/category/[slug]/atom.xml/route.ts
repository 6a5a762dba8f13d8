import { categoryFeed, categoryFeedParams } from '@/lib/feed-routes';

export const dynamic = 'force-static';
export const dynamicParams = false;
export const generateStaticParams = categoryFeedParams;

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return categoryFeed('atom', (await params).slug);
}
