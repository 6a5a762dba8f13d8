import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleView } from '@/components/article-view';
import { JsonLd } from '@/components/json-ld';
import { getAdjacentArticles, getArticle, getArticleCode, getArticles, getRelatedArticles, getSite } from '@/lib/content';
import { routes } from '@/lib/routes';
import { breadcrumbJsonLd, newsArticleJsonLd } from '@/lib/seo/json-ld';
import { articleMetadata } from '@/lib/seo/metadata';

// Only prerendered pages exist: an unknown address gets the static 404 page, which (unlike a 404
// rendered on demand) is complete HTML that reads without JavaScript.
export const dynamicParams = false;

type Props = { params: Promise<{ slug: string }> };

export async function generateStaticParams() {
  return (await getArticles()).map((article) => ({ slug: article.slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [article, site] = await Promise.all([getArticle((await params).slug), getSite()]);
  return article ? articleMetadata(article, site) : {};
}

export default async function ArticlePage({ params }: Props) {
  const article = await getArticle((await params).slug);
  if (!article) notFound();
  const [site, code, related, adjacent] = await Promise.all([
    getSite(),
    getArticleCode(article),
    getRelatedArticles(article),
    getAdjacentArticles(article),
  ]);
  const trail = [
    { name: 'Home', path: '/' },
    { name: article.category.name, path: routes.category(article.category.slug) },
    { name: article.title, path: routes.article(article.slug) },
  ];
  return (
    <>
      <JsonLd data={[newsArticleJsonLd(article, site), breadcrumbJsonLd(site, trail)]} />
      <ArticleView article={article} code={code} site={site} related={related} adjacent={adjacent} />
    </>
  );
}
