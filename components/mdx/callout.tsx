import type { ReactNode } from 'react';

type CalloutProps = { title?: string; kind?: 'note' | 'update' | 'correction'; children: ReactNode };

export function Callout({ title, kind = 'note', children }: CalloutProps) {
  return (
    <aside className={`callout callout--${kind}`} aria-label={title ?? kind}>
      {title ? <p className="callout__title">{title}</p> : null}
      {children}
    </aside>
  );
}
