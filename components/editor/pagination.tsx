/** Previous / next links of a paged newsroom list; nothing when everything fits on one page. */
export function Pagination({ label, page, pages, href }: { label: string; page: number; pages: number; href: (page: number) => string }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} className="pagination">
      {page > 1 ? <a href={href(page - 1)}>← Previous</a> : <span />}
      <span>
        Page {page} of {pages}
      </span>
      {page < pages ? <a href={href(page + 1)}>Next →</a> : <span />}
    </nav>
  );
}
