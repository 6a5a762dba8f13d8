import type { Article, Site } from '@/lib/content';

import { ArticleCard } from './article-card';

export function ArticleList({ articles, site, headingLevel = 2 }: { articles: Article[]; site: Site; headingLevel?: 2 | 3 }) {
  if (articles.length === 0) return <p className="empty">No articles here yet.</p>;
  return (
    <ul className="article-list" role="list">
      {articles.map((article) => (
        <li key={article.slug}>
          <ArticleCard article={article} site={site} headingLevel={headingLevel} />
        </li>
      ))}
    </ul>
  );
}
