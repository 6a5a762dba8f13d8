import { DataTable } from '@/components/editor/data-table';
import { SuppressionList, suppressionReasons } from '@/components/editor/suppression-list';
import { countSubscribersByStatus, listSubscribers } from '@/db/queries/subscribers';
import { listSuppressions } from '@/db/queries/suppressions';
import { can } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';
import { getSite } from '@/lib/content';
import { formatDateTime } from '@/lib/dates/format';
import { routes } from '@/lib/routes';
import { subscriberFilterSchema } from '@/lib/subscriber-filter';

import { liftSuppressionAction } from '../actions/subscribers';

export const metadata = { title: 'Subscribers' };

const PER_PAGE = 50;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SubscribersPage({ searchParams }: Props) {
  const user = await requireUser('subscribers:view');
  const site = await getSite();
  const filter = subscriberFilterSchema.parse(await searchParams);
  const suppressedView = filter.view === 'suppressed';
  const page = filter.page ?? 1;
  const window = { search: filter.q, limit: PER_PAGE, offset: (page - 1) * PER_PAGE };
  const [counts, subscriberList, suppressionList] = await Promise.all([
    countSubscribersByStatus(),
    suppressedView ? null : listSubscribers({ ...window, status: filter.status }),
    listSuppressions(suppressedView ? window : { limit: 0, offset: 0 }),
  ]);
  const total = suppressedView ? suppressionList.total : (subscriberList?.total ?? 0);
  const pages = Math.max(1, Math.ceil(total / PER_PAGE));
  const pageHref = (n: number) => routes.editor.subscribers({ q: filter.q, status: filter.status, view: filter.view, page: n });
  const date = (value: Date) => formatDateTime(value, site);
  return (
    <>
      <h1>{suppressedView ? 'Suppressed addresses' : 'Subscribers'}</h1>
      <dl className="stat-list">
        {(['confirmed', 'pending', 'unsubscribed'] as const).map((status) => (
          <div key={status}>
            <dt>{status[0]!.toUpperCase() + status.slice(1)}</dt>
            <dd>{counts[status]}</dd>
          </div>
        ))}
        <div>
          <dt>Suppressed</dt>
          <dd>{suppressionList.total}</dd>
        </div>
      </dl>
      <nav aria-label="Subscriber views" className="view-links">
        <a href={routes.editor.subscribers()} aria-current={suppressedView ? undefined : 'page'}>
          All subscribers
        </a>
        <a href={routes.editor.subscribers({ view: 'suppressed' })} aria-current={suppressedView ? 'page' : undefined}>
          Suppressed and bounced addresses
        </a>
        {can(user.role, 'subscribers:manage') ? <a href={routes.editor.subscribersImport()}>Import from CSV</a> : null}
      </nav>
      {filter.notice === 'lifted' ? (
        <p role="status" className="form-status form-status--ok">
          The suppression is lifted: newsletters go to that address again if it is subscribed.
        </p>
      ) : null}
      <form method="get" className="filter-form" role="search" aria-label={suppressedView ? 'Suppressed addresses' : 'Subscribers'}>
        {suppressedView ? <input type="hidden" name="view" value="suppressed" /> : null}
        <div className="field">
          <label htmlFor="q">Search by email</label>
          <input id="q" name="q" type="search" defaultValue={filter.q ?? ''} />
        </div>
        {suppressedView ? null : (
          <div className="field">
            <label htmlFor="status">Status</label>
            <select id="status" name="status" defaultValue={filter.status ?? ''}>
              <option value="">All</option>
              <option value="confirmed">Confirmed</option>
              <option value="pending">Pending</option>
              <option value="unsubscribed">Unsubscribed</option>
            </select>
          </div>
        )}
        <button type="submit" className="button">
          Filter
        </button>
        {suppressedView ? null : (
          <a className="button button--secondary" href={routes.editor.subscribersExport({ q: filter.q, status: filter.status })}>
            Export CSV
          </a>
        )}
      </form>
      <p className="meta" aria-live="polite">
        {suppressedView ? `${total} ${total === 1 ? 'address matches' : 'addresses match'}.` : `${total} ${total === 1 ? 'subscriber matches' : 'subscribers match'}.`}
      </p>
      {suppressedView ? (
        <SuppressionList rows={suppressionList.rows} formatDate={date} lift={can(user.role, 'subscribers:manage') ? liftSuppressionAction : undefined} />
      ) : (
        <DataTable
          caption="Subscribers, newest first"
          rows={subscriberList?.rows ?? []}
          rowKey={(row) => row.id}
          columns={[
            { header: 'Email', cell: (row) => row.email },
            { header: 'Name', cell: (row) => row.name ?? '–' },
            { header: 'Status', cell: (row) => (row.suppressed ? `${row.status}, suppressed (${suppressionReasons[row.suppressed].toLowerCase()})` : row.status) },
            { header: 'Source', cell: (row) => (row.source === 'import' ? 'Imported' : 'Sign-up') },
            { header: 'Signed up', cell: (row) => date(row.createdAt) },
            { header: 'Confirmed', cell: (row) => (row.confirmedAt ? date(row.confirmedAt) : '–') },
          ]}
        />
      )}
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
