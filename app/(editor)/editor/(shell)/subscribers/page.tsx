import { DataTable } from '@/components/editor/data-table';
import { countSubscribersByStatus, listSubscribers } from '@/db/queries/subscribers';
import { requireUser } from '@/lib/auth/session';
import { getSite } from '@/lib/content';
import { formatDateTime } from '@/lib/dates/format';
import { routes } from '@/lib/routes';
import { subscriberFilterSchema } from '@/lib/subscriber-filter';

export const metadata = { title: 'Subscribers' };

const PER_PAGE = 50;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SubscribersPage({ searchParams }: Props) {
  await requireUser('subscribers:view');
  const site = await getSite();
  const filter = subscriberFilterSchema.parse(await searchParams);
  const page = filter.page ?? 1;
  const [counts, { rows, total }] = await Promise.all([
    countSubscribersByStatus(),
    listSubscribers({ search: filter.q, status: filter.status, limit: PER_PAGE, offset: (page - 1) * PER_PAGE }),
  ]);
  const pages = Math.max(1, Math.ceil(total / PER_PAGE));
  const pageHref = (n: number) => routes.editor.subscribers({ q: filter.q, status: filter.status, page: n });
  return (
    <>
      <h1>Subscribers</h1>
      <dl className="stat-list">
        <div>
          <dt>Confirmed</dt>
          <dd>{counts.confirmed}</dd>
        </div>
        <div>
          <dt>Pending</dt>
          <dd>{counts.pending}</dd>
        </div>
        <div>
          <dt>Unsubscribed</dt>
          <dd>{counts.unsubscribed}</dd>
        </div>
      </dl>
      <form method="get" className="filter-form" role="search" aria-label="Subscribers">
        <div className="field">
          <label htmlFor="q">Search by email</label>
          <input id="q" name="q" type="search" defaultValue={filter.q ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="status">Status</label>
          <select id="status" name="status" defaultValue={filter.status ?? ''}>
            <option value="">All</option>
            <option value="confirmed">Confirmed</option>
            <option value="pending">Pending</option>
            <option value="unsubscribed">Unsubscribed</option>
          </select>
        </div>
        <button type="submit" className="button">
          Filter
        </button>
        <a className="button button--secondary" href={routes.editor.subscribersExport({ q: filter.q, status: filter.status })}>
          Export CSV
        </a>
      </form>
      <p className="meta" aria-live="polite">
        {total} {total === 1 ? 'subscriber matches' : 'subscribers match'}.
      </p>
      <DataTable
        caption="Subscribers"
        rows={rows}
        rowKey={(row) => row.id}
        columns={[
          { header: 'Email', cell: (row) => row.email },
          { header: 'Status', cell: (row) => row.status },
          { header: 'Signed up', cell: (row) => formatDateTime(row.createdAt, site) },
          { header: 'Confirmed', cell: (row) => (row.confirmedAt ? formatDateTime(row.confirmedAt, site) : '–') },
        ]}
      />
      {pages > 1 ? (
        <nav aria-label="Subscriber pages" className="pagination">
          {page > 1 ? <a href={pageHref(page - 1)}>← Previous</a> : <span />}
          <span>
            Page {page} of {pages}
          </span>
          {page < pages ? <a href={pageHref(page + 1)}>Next →</a> : <span />}
        </nav>
      ) : null}
    </>
  );
}
