import type { ReactNode } from 'react';

type CalloutProps = { title?: string; kind?: 'note' | 'update' | 'correction'; children: ReactNode };

/** A boxed aside to the story: a complementary landmark inside the article's main. */
export function Callout({ title, kind = 'note', children }: CalloutProps) {
  return (
    <aside className={`callout callout--${kind}`} aria-label={title ?? kind}>
      {title ? <p className="callout__title">{title}</p> : null}
      {children}
    </aside>
  );
}

/**
 * The same box where the article is drawn inside another landmark (the newsroom's live preview, a
 * region): a complementary landmark may only sit at the top level or in main, so here it is a note.
 */
export function NestedCallout({ title, kind = 'note', children }: CalloutProps) {
  return (
    <div role="note" className={`callout callout--${kind}`} aria-label={title ?? kind}>
      {title ? <p className="callout__title">{title}</p> : null}
      {children}
    </div>
  );
}
