import { BannerForm } from '@/components/editor/banner-form';
import { DataTable } from '@/components/editor/data-table';
import { ActionForm } from '@/components/forms/action-form';
import { listRecentBanners, readLiveBanner } from '@/db/queries/breaking-news';
import { DEFAULT_LIFETIME_MS } from '@/lib/breaking-news/schema';
import type { Site } from '@/lib/content';
import { formatDateAndTime } from '@/lib/dates/format';
import { toLocalDateTime } from '@/lib/dates/local-time';

import { postBannerAction, takeDownBannerAction } from '../actions/front-page';

/** The breaking-news banner: the live one, the form that posts one, the last 20. */
export async function BannerSection({ site, now }: { site: Site; now: Date }) {
  const [live, history] = await Promise.all([readLiveBanner(now), listRecentBanners()]);
  const status = (banner: (typeof history)[number]) => {
    if (banner.id === live?.id) return 'Live';
    if (banner.endedAt && banner.endedAt < banner.expiresAt) return `Taken down or replaced ${formatDateAndTime(banner.endedAt, site)}`;
    return `Expired ${formatDateAndTime(banner.expiresAt, site)}`;
  };
  return (
    <>
      <h2>Breaking-news banner</h2>
      <p>One banner at a time, on every reader page (not in the newsroom), live within a second and gone by itself at its expiry. Posting a new one replaces the live one.</p>
      {live ? (
        <section aria-labelledby="live-banner">
          <h3 id="live-banner">Live now</h3>
          <p>
            <strong>{live.text}</strong>
            {live.href ? ` → ${live.href}` : ''}, until {formatDateAndTime(live.expiresAt, site)}.
          </p>
          <ActionForm action={takeDownBannerAction} submitLabel="Take down now" pendingLabel="Taking down…" className="inline-form">
            <input type="hidden" name="bannerId" value={live.id} />
          </ActionForm>
        </section>
      ) : (
        <p>No banner is up.</p>
      )}
      <h3>Post a banner</h3>
      <BannerForm
        action={postBannerAction}
        defaultExpiry={toLocalDateTime(new Date(now.getTime() + DEFAULT_LIFETIME_MS), site.timeZone)}
        timeZone={site.timeZone}
        replacing={!!live}
      />
      <h3>Recent banners</h3>
      {history.length === 0 ? (
        <p>None yet.</p>
      ) : (
        <DataTable
          caption="The last 20 banners, newest first"
          rows={history}
          rowKey={(banner) => banner.id}
          columns={[
            { header: 'Text', cell: (banner) => banner.text },
            { header: 'Link', cell: (banner) => banner.href ?? '—' },
            { header: 'Posted', cell: (banner) => `${formatDateAndTime(banner.startsAt, site)} by ${banner.createdByName ?? 'a former account'}` },
            { header: 'Status', cell: status },
          ]}
        />
      )}
    </>
  );
}
