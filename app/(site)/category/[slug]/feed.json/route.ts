import { categoryFeed, categoryFeedParams } from '@/lib/feed-routes';

export const dynamic = 'force-static';
// Newsroom sections bring new feeds after the build; an unknown one answers 404 (lib/feed-routes.ts).
export const dynamicParams = true;
export const generateStaticParams = categoryFeedParams;

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return categoryFeed('json', (await params).slug);
}
