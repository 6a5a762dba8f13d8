import type { ReactNode } from 'react';

export function PullQuote({ children, cite }: { children: ReactNode; cite?: string }) {
  return (
    <figure className="pull-quote">
      <blockquote>{children}</blockquote>
      {cite ? <figcaption>{cite}</figcaption> : null}
    </figure>
  );
}
