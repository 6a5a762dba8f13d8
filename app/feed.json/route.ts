import { siteFeed } from '@/lib/feed-routes';

export const dynamic = 'force-static';

export function GET() {
  return siteFeed('json');
}
