import { requireUser } from '@/lib/auth/session';
import { getSite, readArticlesNow } from '@/lib/content';
import { formFromQuery } from '@/lib/front-page/schema';

import { BannerSection } from './banner-section';
import { LayoutSection } from './layout-section';

export const metadata = { title: 'Front page' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function FrontPage({ searchParams }: Props) {
  await requireUser('front-page:manage');
  const now = new Date();
  const query = await searchParams;
  const [site, articles] = await Promise.all([getSite(), readArticlesNow()]);
  // Back from a preview, the form shows what was previewed rather than the live layout.
  const returned = Object.keys(query).length > 0 ? formFromQuery(query) : null;
  return (
    <>
      <h1>Front page</h1>
      <LayoutSection site={site} articles={articles} now={now} returned={returned} />
      <BannerSection site={site} now={now} />
    </>
  );
}
