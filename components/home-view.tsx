import type { FormAction } from '@/components/forms/action-form';
import type { Article, Page, Site } from '@/lib/content';
import { routes } from '@/lib/routes';

import { ArticleCard } from './article-card';
import { ArticleList } from './article-list';
import { NewsletterBox } from './newsletter/newsletter-box';
import { Pagination } from './pagination';

type HomeViewProps = { site: Site; lead?: Article; featured: Article[]; latest: Page<Article>; subscribe: FormAction };

export function HomeView({ site, lead, featured, latest, subscribe }: HomeViewProps) {
  const first = latest.page === 1;
  return (
    <div className="container">
      <h1 className="visually-hidden">{first ? `${site.name}: latest news` : `Latest news, page ${latest.page}`}</h1>
      {first && lead ? (
        <section className="front" aria-label="Top stories">
          <ArticleCard article={lead} site={site} variant="lead" headingLevel={2} priority />
          <div className="front__featured">
            {featured.map((article) => (
              <ArticleCard key={article.slug} article={article} site={site} variant="featured" headingLevel={2} />
            ))}
          </div>
        </section>
      ) : null}
      <div className="with-aside">
        <section aria-labelledby="latest-heading">
          <h2 id="latest-heading" className="section-heading">
            Latest
          </h2>
          <ArticleList articles={latest.items} site={site} headingLevel={3} />
          <Pagination page={latest.page} totalPages={latest.totalPages} href={routes.home} label="Latest stories pages" />
        </section>
        <NewsletterBox site={site} subscribe={subscribe} />
      </div>
    </div>
  );
}
