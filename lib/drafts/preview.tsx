import 'server-only';
import { createElement } from 'react';
import { ArticleView } from '@/components/article-view';
import { ArticleBody } from '@/components/mdx/article-body';
import type { DraftRecord } from '@/db/queries/drafts';
import type { DraftContent } from '@/db/schema';
import { getCategories, getSite } from '@/lib/content';
import { prepareDraft } from '@/lib/content/draft-article';
import type { CompileGate } from '@/lib/content/draft-mdx';

type PreviewInput = { id: string; content: DraftContent; publishedAt: Date | null; updatedAt: Date | null };

/**
 * A draft as readers would see it, through the same pipeline and components as a published article.
 * What still stops it from being published is listed above it; the body is shown regardless.
 * `gate` is the turn of the person looking (lib/drafts/preview-turns.ts).
 */
export async function DraftPreview({ draft, gate }: { draft: PreviewInput; gate: CompileGate }) {
  const { article, code, problems } = await prepareDraft(
    { id: draft.id, content: draft.content, publishedAt: draft.publishedAt ?? new Date(), updatedAt: draft.updatedAt },
    await getCategories(),
    gate,
  );
  if (article && code) return <ArticleView article={article} code={code} site={await getSite()} related={[]} adjacent={{}} />;
  return (
    <>
      <div className="draft-preview__problems">
        <p>{code ? 'Before this can be published:' : 'The body cannot be shown until these are fixed:'}</p>
        <ul>
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      </div>
      {code ? <ArticleBody code={code} /> : null}
    </>
  );
}

/** The preview of what is typed into a draft's form, for an action's answer. */
export function draftPreviewElement(draft: DraftRecord, content: DraftContent, gate: CompileGate) {
  return createElement(DraftPreview, { draft: { id: draft.id, content, publishedAt: draft.publishedAt, updatedAt: new Date() }, gate });
}
