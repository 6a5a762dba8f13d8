import { getArchiveMonths, getSite } from '@/lib/content';
import { formatMonth } from '@/lib/dates/format';
import { routes } from '@/lib/routes';
import { listingMetadata } from '@/lib/seo/metadata';

export async function generateMetadata() {
  return listingMetadata({
    site: await getSite(),
    title: 'Archive',
    description: 'Every story we have published, month by month.',
    path: routes.archive(),
  });
}

export default async function ArchivePage() {
  const [site, months] = await Promise.all([getSite(), getArchiveMonths()]);
  return (
    <div className="container">
      <header className="listing-header">
        <h1>Archive</h1>
        <p className="listing-header__intro">Every story we have published, month by month.</p>
      </header>
      <ul className="archive-months" role="list">
        {months.map((month) => (
          <li key={`${month.year}-${month.month}`}>
            <a href={routes.archiveMonth(month.year, month.month)}>{formatMonth(month.year, month.month, site)}</a>{' '}
            <span className="meta">
              ({month.count} {month.count === 1 ? 'story' : 'stories'})
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
