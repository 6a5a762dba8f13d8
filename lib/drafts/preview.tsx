import 'server-only';
import { ArticleView } from '@/components/article-view';
import { ArticleBody } from '@/components/mdx/article-body';
import type { DraftContent } from '@/db/schema';
import { getCategories, getSite } from '@/lib/content';
import { draftToArticle } from '@/lib/content/draft-article';
import { compileDraftMdx, describeMdxProblem } from '@/lib/content/draft-mdx';

type PreviewInput = { id: string; content: DraftContent; publishedAt: Date | null; updatedAt: Date | null };

/**
 * A draft as readers would see it, through the same pipeline and components as a published article.
 * What still stops it from being published is listed above it; the body is shown regardless.
 */
export async function DraftPreview({ draft }: { draft: PreviewInput }) {
  const mdx = await compileDraftMdx(draft.content.body);
  if (!mdx.ok) {
    return (
      <div className="draft-preview__problems">
        <p>The body cannot be shown until these are fixed:</p>
        <ul>
          {mdx.problems.map((problem) => (
            <li key={`${problem.line}:${problem.column}:${problem.reason}`}>{describeMdxProblem(problem)}</li>
          ))}
        </ul>
      </div>
    );
  }
  const result = await draftToArticle(
    { id: draft.id, content: draft.content, publishedAt: draft.publishedAt ?? new Date(), updatedAt: draft.updatedAt },
    await getCategories(),
  );
  if (result.ok) return <ArticleView article={result.article} code={mdx.code} site={await getSite()} related={[]} adjacent={{}} />;
  return (
    <>
      <div className="draft-preview__problems">
        <p>Before this can be published:</p>
        <ul>
          {result.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      </div>
      <ArticleBody code={mdx.code} />
    </>
  );
}
