import { getMDXComponent } from 'mdx-bundler/client';

import { mdxComponents, nestedMdxComponents } from './index';

/** `nested`: drawn inside another landmark (the newsroom's live preview), not as a page's main content. */
export function ArticleBody({ code, nested = false }: { code: string; nested?: boolean }) {
  const Body = getMDXComponent(code);
  return (
    <div className="prose">
      {/* eslint-disable-next-line react-hooks/static-components -- a server component: each body is its own compiled component, and rendered once it keeps no state that could be reset */}
      <Body components={nested ? nestedMdxComponents : mdxComponents} />
    </div>
  );
}
