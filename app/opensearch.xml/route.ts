import { getSite } from '@/lib/content';
import { openSearchDescription } from '@/lib/seo/open-search';

export const dynamic = 'force-static';

export async function GET() {
  return new Response(openSearchDescription(await getSite()), { headers: { 'content-type': 'application/opensearchdescription+xml; charset=utf-8' } });
}
