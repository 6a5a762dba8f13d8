import 'server-only';

import { ArticleView } from '@/components/article-view';
import type { FormAction } from '@/components/forms/action-form';
import { ArticleBody } from '@/components/mdx/article-body';
import { getSite } from '@/lib/content';
import { type DraftPreviewSource, prepareDraftPreview } from '@/lib/drafts/preview';

type DraftPreviewProps = DraftPreviewSource & { subscribe?: FormAction };

/**
 * A draft as readers would see it, through the same components as a published article. What still
 * stops it from being published is listed above it; the body is shown regardless. It is drawn in the
 * desk's live preview region, so as a nested article (see ArticleBody).
 */
export async function DraftPreview({ draft, gate, subscribe }: DraftPreviewProps) {
  const { article, code, problems } = await prepareDraftPreview({ draft, gate });
  if (article && code) return <ArticleView article={article} code={code} site={await getSite()} related={[]} adjacent={{}} subscribe={subscribe} nested />;
  return (
    <>
      <div>
        <p>{code ? 'Before this can be published:' : 'The body cannot be shown until these are fixed:'}</p>
        <ul>
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      </div>
      {code ? <ArticleBody code={code} nested /> : null}
    </>
  );
}

/** A preview for an action's answer (see ActionState's views). */
export function draftPreviewElement(source: DraftPreviewSource, subscribe: FormAction) {
  return <DraftPreview {...source} subscribe={subscribe} />;
}
