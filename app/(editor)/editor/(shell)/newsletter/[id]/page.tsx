import { DataTable } from '@/components/editor/data-table';
import { LiveRefresh } from '@/components/editor/live-refresh';
import { Pagination } from '@/components/editor/pagination';
import { countNotReached, getSend, listProblemDeliveries, remedyStateOf } from '@/db/queries/newsletter-reports';
import { requireUser } from '@/lib/auth/session';
import { getSite } from '@/lib/content';
import { formatDateTime, formatScheduleTime } from '@/lib/dates/format';
import { remedyRefusal } from '@/lib/newsletter/remedy-refusals';
import { LIVE_STATUSES, progressOf, statusText } from '@/lib/newsletter/report';
import { pageSchema, sendIdSchema } from '@/lib/newsletter/report-schema';
import { routes } from '@/lib/routes';
import { formatCount } from '@/lib/text/plural';

import { SendRemedies } from './remedies';
import { SendControls } from './send-controls';

export const metadata = { title: 'Newsletter send' };

const PER_PAGE = 50;

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SendReportPage({ params, searchParams }: Props) {
  await requireUser('newsletter:send');
  const parsed = sendIdSchema.safeParse({ sendId: (await params).id });
  const send = parsed.success ? await getSend(parsed.data.sendId) : undefined;
  if (!send) {
    return (
      <>
        <h1>No such send</h1>
        <p>
          <a href={routes.editor.newsletter()}>All newsletter sends</a>
        </p>
      </>
    );
  }
  const { page } = pageSchema.parse(await searchParams);
  const [site, problems, notReached, remedyState] = await Promise.all([
    getSite(),
    listProblemDeliveries(send.id, { limit: PER_PAGE, offset: (page - 1) * PER_PAGE }),
    send.status === 'cancelled' ? countNotReached(send.id) : 0,
    remedyStateOf(send),
  ]);
  const progress = progressOf(send.counts);
  const handled = progress.total - progress.remaining;
  const count = (value: number) => formatCount(value, site);
  const stats = [
    ['Recipients', progress.total],
    ['Sent', progress.sent],
    ['Failed', progress.failed],
    ['Bounced', progress.bounced],
    ['Skipped (unsubscribed or suppressed)', progress.skipped],
    ['Remaining', progress.remaining],
  ] as const;
  return (
    <>
      <h1>Newsletter: {send.title}</h1>
      <p className="meta">
        {send.sequence > 1 ? `Send ${send.sequence} of this article` : 'First send of this article'}, started {formatScheduleTime(send.createdAt, site)} by {send.startedBy}
        {send.finishedAt ? `, finished ${formatScheduleTime(send.finishedAt, site)}` : ''}. Subject: “{send.subject}”. <a href={routes.editor.newsletter()}>All sends</a> ·{' '}
        <a href={routes.editor.draftPublish(send.draftId)}>The article’s publishing</a>
      </p>
      <LiveRefresh active={LIVE_STATUSES.includes(send.status)} />
      <p>
        <strong>{statusText(send, site)}</strong>
      </p>
      <label htmlFor="send-progress">
        {count(handled)} of {count(progress.total)} handled
      </label>
      <progress id="send-progress" className="send-progress" max={Math.max(progress.total, 1)} value={handled}>
        {count(handled)} of {count(progress.total)}
      </progress>
      <dl className="stat-list">
        {stats.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{count(value)}</dd>
          </div>
        ))}
      </dl>
      <SendControls send={send} remaining={progress.remaining} site={site} />
      <SendRemedies send={send} failed={progress.failed} notReached={notReached} site={site} refusal={remedyRefusal(remedyState)} />
      <section aria-labelledby="problems-heading">
        <h2 id="problems-heading">Failures and bounces</h2>
        {problems.length === 0 ? (
          <p>{page > 1 ? 'None on this page.' : 'None so far.'}</p>
        ) : (
          <DataTable
            caption="Failed and bounced addresses, latest first"
            rows={problems}
            rowKey={(row) => row.subscriberId}
            columns={[
              { header: 'Address', cell: (row) => row.email },
              { header: 'Result', cell: (row) => (row.status === 'bounced' ? 'Bounced' : 'Failed') },
              { header: 'Reason', cell: (row) => row.response ?? 'No reason recorded' },
              { header: 'Attempts', cell: (row) => row.attempts },
              { header: 'When', cell: (row) => formatDateTime(row.updatedAt, site) },
            ]}
          />
        )}
        <Pagination label="Failure pages" page={page} pages={Math.ceil((progress.failed + progress.bounced) / PER_PAGE)} href={(n) => routes.editor.newsletterSend(send.id, n)} />
      </section>
    </>
  );
}
