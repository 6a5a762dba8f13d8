import type { FormAction } from '@/components/forms/action-form';
import type { Article, Site } from '@/lib/content';
import { routes } from '@/lib/routes';

import { ArticleCorrections } from './article-corrections';
import { ArticleList } from './article-list';
import { AuthorCard } from './author-card';
import { Byline } from './byline';
import { DateLine } from './date-line';
import { ArticleBody } from './mdx/article-body';
import { NewsletterBox } from './newsletter/newsletter-box';
import { Picture } from './picture';

type ArticleViewProps = {
  article: Article;
  code: string;
  site: Site;
  related: Article[];
  adjacent: { older?: Article; newer?: Article };
  /** The newsletter sign-up; a draft's preview in the newsroom has none, so it subscribes nobody. */
  subscribe?: FormAction;
  /** Drawn inside another landmark (the newsroom's live preview): see ArticleBody. */
  nested?: boolean;
};

export function ArticleView({ article, code, site, related, adjacent, subscribe, nested = false }: ArticleViewProps) {
  return (
    <>
      <article>
        <header className="article__header">
          <nav aria-label="Breadcrumb" className="breadcrumb">
            <ol role="list">
              <li>
                <a href="/">Home</a>
              </li>
              <li>
                <a href={routes.category(article.category.slug)} className="kicker">
                  {article.category.name}
                </a>
              </li>
            </ol>
          </nav>
          <h1 className="article__title">{article.title}</h1>
          <p className="article__standfirst">{article.standfirst}</p>
          <p className="meta article__meta">
            <Byline article={article} site={site} />
            <span>
              <DateLine date={article.published} site={site} />
            </span>
            {article.updated ? (
              <span className="article__updated">
                Updated <DateLine date={article.updated} site={site} withTime />
              </span>
            ) : null}
            {article.readingMinutes ? <span>{article.readingMinutes} min read</span> : null}
          </p>
        </header>
        <figure className="article__hero">
          <Picture src={article.hero.src} alt={article.hero.alt} width={article.hero.width} height={article.hero.height} sizes="(min-width: 1100px) 1040px, 100vw" priority />
          {article.hero.credit ? <figcaption>{article.hero.credit}</figcaption> : null}
        </figure>
        <ArticleBody code={code} nested={nested} />
        {article.tags.length > 0 ? (
          <nav aria-label="Tags" className="article__tags">
            <ul className="inline-list" role="list">
              {article.tags.map((tag) => (
                <li key={tag}>
                  <a href={routes.tag(tag)} className="tag">
                    {tag.replace(/-/g, ' ')}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <ArticleCorrections corrections={article.corrections} site={site} />
        <footer className="article__footer">
          {article.authors.map((author) => (
            <AuthorCard key={author.slug} author={author} />
          ))}
        </footer>
      </article>
      <div className="container article-after">
        {subscribe ? <NewsletterBox site={site} subscribe={subscribe} /> : null}
        {related.length > 0 ? (
          <section aria-labelledby="related-heading">
            <h2 id="related-heading" className="section-heading">
              Related stories
            </h2>
            <ArticleList articles={related} site={site} headingLevel={3} />
          </section>
        ) : null}
        <nav aria-label="More stories" className="adjacent">
          {adjacent.older ? (
            <a href={routes.article(adjacent.older.slug)} rel="prev">
              <span className="adjacent__label">Previous story</span> {adjacent.older.title}
            </a>
          ) : (
            <span />
          )}
          {adjacent.newer ? (
            <a href={routes.article(adjacent.newer.slug)} rel="next">
              <span className="adjacent__label">Next story</span> {adjacent.newer.title}
            </a>
          ) : (
            <span />
          )}
        </nav>
      </div>
    </>
  );
}
