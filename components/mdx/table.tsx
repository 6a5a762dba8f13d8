import type { ComponentProps } from 'react';

// Wide tables scroll inside a focusable, labelled region instead of widening the page.
export function Table(props: ComponentProps<'table'>) {
  return (
    <div className="table-wrap" role="region" aria-label="Table" tabIndex={0}>
      <table {...props} />
    </div>
  );
}
