import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

import { ArticleList } from '@/components/article-list';
import { getArchiveMonths, getMonthArticles, getSite } from '@/lib/content';
import { formatMonth } from '@/lib/dates/format';
import { routes } from '@/lib/routes';
import { listingMetadata } from '@/lib/seo/metadata';

// Newsroom articles bring new pages after the build. Unknown addresses never render here: proxy.ts
// sends them to the static 404 page, complete HTML that reads without JavaScript.
export const dynamicParams = true;

type Props = { params: Promise<{ year: string; month: string }> };

export async function generateStaticParams() {
  return (await getArchiveMonths()).map(({ year, month }) => ({ year: String(year), month: String(month).padStart(2, '0') }));
}

async function load(params: Props['params']) {
  const { year, month } = await params;
  if (!/^\d{4}$/.test(year) || !/^(0[1-9]|1[0-2])$/.test(month)) return null;
  const articles = await getMonthArticles(Number(year), Number(month));
  return articles.length > 0 ? { year: Number(year), month: Number(month), articles } : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [site, found] = await Promise.all([getSite(), load(params)]);
  if (!found) return {};
  const { year, month } = found;
  const label = formatMonth(year, month, site);
  return listingMetadata({ site, title: `Archive: ${label}`, description: `Stories published in ${label}.`, path: routes.archiveMonth(year, month) });
}

export default async function ArchiveMonthPage({ params }: Props) {
  const [site, found] = await Promise.all([getSite(), load(params)]);
  if (!found) notFound();
  const { year, month, articles } = found;
  return (
    <div className="container">
      <header className="listing-header">
        <p className="kicker">
          <a href={routes.archive()}>Archive</a>
        </p>
        <h1>{formatMonth(year, month, site)}</h1>
      </header>
      <ArticleList articles={articles} site={site} headingLevel={2} opensPage />
    </div>
  );
}
