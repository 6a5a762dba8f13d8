import { countSubscribersByStatus, listSubscribers } from '@/db/queries/subscribers';
import { requireUser } from '@/lib/auth/session';
import { getSite } from '@/lib/content';
import { formatDateTime } from '@/lib/dates/format';
import { filterQuery, subscriberFilterSchema } from '@/lib/subscriber-filter';

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
  const query = filterQuery(filter);
  const pageHref = (n: number) => `/editor/subscribers${query ? `${query}&` : '?'}page=${n}`;
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
        <a className="button button--secondary" href={`/editor/subscribers/export${query}`}>
          Export CSV
        </a>
      </form>
      <p className="meta" aria-live="polite">
        {total} {total === 1 ? 'subscriber matches' : 'subscribers match'}.
      </p>
      <table className="editor-table">
        <caption className="visually-hidden">Subscribers</caption>
        <thead>
          <tr>
            <th scope="col">Email</th>
            <th scope="col">Status</th>
            <th scope="col">Signed up</th>
            <th scope="col">Confirmed</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">{row.email}</th>
              <td>{row.status}</td>
              <td>{formatDateTime(row.createdAt, site)}</td>
              <td>{row.confirmedAt ? formatDateTime(row.confirmedAt, site) : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
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
