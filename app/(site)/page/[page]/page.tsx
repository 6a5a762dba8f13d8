import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

import { subscribeAction } from '@/app/(site)/newsletter/actions';
import { HomeView } from '@/components/home-view';
import { getHomePage, getSite, parsePageNumber } from '@/lib/content';
import { routes } from '@/lib/routes';
import { listingMetadata } from '@/lib/seo/metadata';

// Newsroom articles bring new pages after the build. Unknown addresses never render here: proxy.ts
// sends them to the static 404 page, complete HTML that reads without JavaScript.
export const dynamicParams = true;

type Props = { params: Promise<{ page: string }> };

export async function generateStaticParams() {
  const first = await getHomePage(1);
  const total = first?.latest.totalPages ?? 1;
  return Array.from({ length: total - 1 }, (_, index) => ({ page: String(index + 2) }));
}

async function load(params: Props['params']) {
  const page = parsePageNumber((await params).page);
  // Page 1 lives at "/", so /page/1 is not a second copy of it.
  return page && page > 1 ? getHomePage(page) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [site, home] = await Promise.all([getSite(), load(params)]);
  if (!home) return {};
  return listingMetadata({
    site,
    title: `Latest news, page ${home.latest.page}`,
    description: site.description,
    path: routes.home(home.latest.page),
  });
}

export default async function HomePagination({ params }: Props) {
  const [site, home] = await Promise.all([getSite(), load(params)]);
  if (!home) notFound();
  return <HomeView site={site} lead={home.lead} featured={home.featured} latest={home.latest} subscribe={subscribeAction} />;
}
