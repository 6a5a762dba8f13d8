import { DataTable } from '@/components/editor/data-table';
import type { Site } from '@/lib/content';
import { formatDate, formatDateAndTime } from '@/lib/dates/format';
import type { PositionView } from '@/lib/front-page/overview';
import { positionLabels } from '@/lib/front-page/schema';
import { routes } from '@/lib/routes';

type Clock = Pick<Site, 'locale' | 'timeZone'>;

function why({ state, row }: PositionView, site: Clock): string {
  const by = row ? `${row.setByName ?? 'a former account'}, ${formatDateAndTime(row.setAt, site)}` : '';
  if (state === 'chosen')
    return row?.pinnedUntil ? `Chosen by ${by}; pinned until ${formatDateAndTime(row.pinnedUntil, site)}, then automatic` : `Chosen by ${by}; stays until changed`;
  if (state === 'pin-ended') return `Automatic: the pin ended ${formatDateAndTime(row!.pinnedUntil!, site)}`;
  if (state === 'unpublished') return 'Automatic: the chosen story is no longer published';
  return 'Automatic: the newest featured story not shown above';
}

/** What each position of the front page shows now, and why (chosen, automatic, a pin that ended). */
export function FrontPagePositions({ positions, site }: { positions: PositionView[]; site: Clock }) {
  return (
    <DataTable
      caption="What each position of the front page shows now"
      rows={positions}
      rowKey={(view) => view.position}
      columns={[
        { header: 'Position', cell: (view) => positionLabels[view.position] },
        {
          header: 'Shows now',
          cell: (view) =>
            view.shows ? (
              <>
                <a href={routes.article(view.shows.slug)}>{view.shows.title}</a> ({formatDate(view.shows.published, site)})
              </>
            ) : (
              'Nothing (no story left to show)'
            ),
        },
        { header: 'Why', cell: (view) => why(view, site) },
      ]}
    />
  );
}
