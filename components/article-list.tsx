import type { Article, Site } from '@/lib/content';

import { ArticleCard } from './article-card';

type ArticleListProps = {
  articles: Article[];
  site: Site;
  headingLevel?: 2 | 3;
  /** The list opens the page: its first picture is in view on arrival, so it loads first, not lazily. */
  opensPage?: boolean;
};

export function ArticleList({ articles, site, headingLevel = 2, opensPage = false }: ArticleListProps) {
  if (articles.length === 0) return <p className="empty">No articles here yet.</p>;
  return (
    <ul className="article-list" role="list">
      {articles.map((article, index) => (
        <li key={article.slug}>
          <ArticleCard article={article} site={site} headingLevel={headingLevel} priority={opensPage && index === 0} />
        </li>
      ))}
    </ul>
  );
}
