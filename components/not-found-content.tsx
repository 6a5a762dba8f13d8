import { getArticles } from '@/lib/content';
import { routes } from '@/lib/routes';

export async function NotFoundContent() {
  const articles = await getArticles();
  return (
    <div className="container narrow">
      <h1>We can’t find that page</h1>
      <p>The story may have moved, or the address may be mistyped. These might help:</p>
      <ul>
        <li>
          <a href="/">The latest news</a>
        </li>
        <li>
          <a href={routes.archive()}>The archive, month by month</a>
        </li>
        {articles.slice(0, 3).map((article) => (
          <li key={article.slug}>
            <a href={routes.article(article.slug)}>{article.title}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
