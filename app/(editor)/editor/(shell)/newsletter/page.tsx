import { DataTable } from '@/components/editor/data-table';
import { LiveRefresh } from '@/components/editor/live-refresh';
import { Pagination } from '@/components/editor/pagination';
import { listSends } from '@/db/queries/newsletter-reports';
import { requireUser } from '@/lib/auth/session';
import { getSite } from '@/lib/content';
import { formatDateTime } from '@/lib/dates/format';
import { LIVE_STATUSES, progressOf, statusText } from '@/lib/newsletter/report';
import { pageSchema } from '@/lib/newsletter/report-schema';
import { routes } from '@/lib/routes';
import { formatCount } from '@/lib/text/plural';

export const metadata = { title: 'Newsletter' };

const PER_PAGE = 25;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NewsletterPage({ searchParams }: Props) {
  await requireUser('newsletter:send');
  const { page } = pageSchema.parse(await searchParams);
  const [site, { rows, total }] = await Promise.all([getSite(), listSends({ limit: PER_PAGE, offset: (page - 1) * PER_PAGE })]);
  const count = (value: number) => formatCount(value, site);
  return (
    <>
      <h1>Newsletter</h1>
      <p>Every email of an article to the subscribers, newest first. A send is started from the article’s publishing panel; open one for its failures, bounces and controls.</p>
      <LiveRefresh active={rows.some((row) => LIVE_STATUSES.includes(row.status))} />
      {rows.length === 0 ? (
        <p>{page > 1 ? 'No sends on this page.' : 'No article has been emailed yet.'}</p>
      ) : (
        <DataTable
          caption="Newsletter sends, newest first"
          rows={rows}
          rowKey={(row) => row.id}
          columns={[
            { header: 'Article', cell: (row) => <a href={routes.editor.newsletterSend(row.id)}>{row.sequence > 1 ? `${row.title} (send ${row.sequence})` : row.title}</a> },
            { header: 'Started', cell: (row) => formatDateTime(row.createdAt, site) },
            { header: 'Status', cell: (row) => statusText(row, site) },
            { header: 'Sent', cell: (row) => count(progressOf(row.counts).sent) },
            { header: 'Failed / bounced', cell: (row) => `${count(row.counts.failed)} / ${count(row.counts.bounced)}` },
            { header: 'Remaining', cell: (row) => count(progressOf(row.counts).remaining) },
          ]}
        />
      )}
      <Pagination label="Newsletter pages" page={page} pages={Math.ceil(total / PER_PAGE)} href={routes.editor.newsletter} />
    </>
  );
}
