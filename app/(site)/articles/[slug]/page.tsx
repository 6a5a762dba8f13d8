import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

import { subscribeAction } from '@/app/(site)/newsletter/actions';
import { ArticleView } from '@/components/article-view';
import { JsonLd } from '@/components/json-ld';
import { PreviewBanner } from '@/components/preview-banner';
import { getAdjacentArticles, getArticle, getArticleCode, getArticles, getRelatedArticles, getSite } from '@/lib/content';
import { getPreview } from '@/lib/publishing/preview';
import { routes } from '@/lib/routes';
import { breadcrumbJsonLd, newsArticleJsonLd } from '@/lib/seo/json-ld';
import { articleMetadata } from '@/lib/seo/metadata';

// content/ articles prerender at build; newsroom articles render on their first request, then stay
// static until publishing expires their tags. Unknown addresses never get here: proxy.ts sends them
// to the static 404 page (a 404 rendered on demand would be an empty shell that needs JavaScript).
export const dynamicParams = true;

type Props = { params: Promise<{ slug: string }> };

export async function generateStaticParams() {
  return (await getArticles()).map((article) => ({ slug: article.slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [article, site] = await Promise.all([getArticle((await params).slug), getSite()]);
  return article ? articleMetadata(article, site) : { robots: { index: false } };
}

export default async function ArticlePage({ params }: Props) {
  const { slug } = await params;
  const preview = await getPreview(slug);
  if (preview && 'problems' in preview) return <PreviewBanner slug={slug} problems={preview.problems} />;
  const article = preview?.article ?? (await getArticle(slug));
  if (!article) notFound();
  const [site, code, related, adjacent] = await Promise.all([getSite(), preview?.code ?? getArticleCode(article), getRelatedArticles(article), getAdjacentArticles(article)]);
  const trail = [
    { name: 'Home', path: '/' },
    { name: article.category.name, path: routes.category(article.category.slug) },
    { name: article.title, path: routes.article(article.slug) },
  ];
  return (
    <>
      {preview ? <PreviewBanner slug={slug} /> : <JsonLd data={[newsArticleJsonLd(article, site), breadcrumbJsonLd(site, trail)]} />}
      <ArticleView article={article} code={code} site={site} related={related} adjacent={adjacent} subscribe={subscribeAction} />
    </>
  );
}
