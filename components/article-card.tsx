import type { Article, Site } from '@/lib/content';
import { bylineOf } from '@/lib/content/byline';
import { routes } from '@/lib/routes';

import { DateLine } from './date-line';
import { Picture } from './picture';

type Variant = 'lead' | 'featured' | 'list';

const sizes: Record<Variant, string> = {
  lead: '(min-width: 1100px) 700px, 100vw',
  featured: '(min-width: 1100px) 340px, (min-width: 700px) 45vw, 100vw',
  list: '(min-width: 700px) 220px, 33vw',
};

type ArticleCardProps = {
  article: Article;
  site: Site;
  variant?: Variant;
  headingLevel?: 2 | 3;
  priority?: boolean;
};

export function ArticleCard({ article, site, variant = 'list', headingLevel = 3, priority = false }: ArticleCardProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <article className={`card card--${variant}`}>
      <div className="card__image">
        <Picture src={article.hero.src} alt={article.hero.alt} width={article.hero.width} height={article.hero.height} sizes={sizes[variant]} priority={priority} />
      </div>
      <div>
        <p className="kicker">
          <a href={routes.category(article.category.slug)}>{article.category.name}</a>
        </p>
        <Heading className="card__title">
          <a href={routes.article(article.slug)}>{article.title}</a>
        </Heading>
        <p className="card__standfirst">{article.standfirst}</p>
        <p className="meta">
          <span>{bylineOf(article)}</span> · <DateLine date={article.published} site={site} />
          {article.readingMinutes ? (
            <>
              {' '}
              · <span>{article.readingMinutes} min read</span>
            </>
          ) : null}
        </p>
      </div>
    </article>
  );
}
