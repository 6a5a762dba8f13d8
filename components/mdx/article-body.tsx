import { getMDXComponent } from 'mdx-bundler/client';

import { mdxComponents } from './index';

export function ArticleBody({ code }: { code: string }) {
  const Body = getMDXComponent(code);
  return (
    <div className="prose">
      <Body components={mdxComponents} />
    </div>
  );
}
