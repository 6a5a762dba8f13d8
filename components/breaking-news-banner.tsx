import type { LiveBanner } from '@/lib/breaking-news/live';

/** The live breaking-news banner, rendered on the server: a labelled region, the whole text the link. */
export function BreakingNewsBanner({ banner }: { banner: LiveBanner }) {
  return (
    <section aria-label="Breaking news" className="breaking-news">
      <p>
        <strong className="breaking-news__label">Breaking</strong> {banner.href ? <a href={banner.href}>{banner.text}</a> : banner.text}
      </p>
    </section>
  );
}
