import { getMDXComponent } from 'mdx-bundler/client';

import { mdxComponents } from './index';

export function ArticleBody({ code }: { code: string }) {
  const Body = getMDXComponent(code);
  return (
    <div className="prose">
      {/* eslint-disable-next-line react-hooks/static-components -- a server component: each body is its own compiled component, and rendered once it keeps no state that could be reset */}
      <Body components={mdxComponents} />
    </div>
  );
}
