import { ImageResponse } from 'next/og';

import { getArticle, getSite } from '@/lib/content';
import { bylineOf } from '@/lib/content/byline';
import { formatDate } from '@/lib/dates/format';

export const alt = 'Headline card for this article';
export const size = { width: 1200, height: 630 };
export const contentType = 'image/png';

// Rendered on the first request for each article (a link preview's crawler), then kept like a
// static page: drawing a PNG is most of what a build would spend on an article (1,000 articles:
// a third of the pages and most of the build time), and readers never load these.
export async function generateStaticParams() {
  return [];
}

export default async function OpenGraphImage({ params }: { params: Promise<{ slug: string }> }) {
  const [article, site] = await Promise.all([getArticle((await params).slug), getSite()]);
  const title = article?.title ?? site.name;
  return new ImageResponse(
    <div
      style={{
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'space-between',
        width: '100%',
        height: '100%',
        padding: 72,
        background: '#fbfaf7',
        color: '#1b1c1f',
        borderTop: '24px solid #b3261e',
      }}
    >
      <div style={{ display: 'flex', fontSize: 34, fontWeight: 700, color: '#b3261e', textTransform: 'uppercase', letterSpacing: 2 }}>{article?.category.name ?? 'News'}</div>
      <div style={{ display: 'flex', fontSize: title.length > 70 ? 60 : 72, fontWeight: 700, lineHeight: 1.1 }}>{title}</div>
      <div style={{ display: 'flex', justifyContent: 'space-between', fontSize: 30, color: '#4a4d55' }}>
        <span>{site.name}</span>
        <span>{article ? `${bylineOf(article)} · ${formatDate(article.published, site)}` : ''}</span>
      </div>
    </div>,
    size,
  );
}
