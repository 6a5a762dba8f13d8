type PaginationProps = {
  page: number;
  totalPages: number;
  href: (page: number) => string;
  label: string;
  /** Listings run newest first; search results, best first, say "Previous" and "Next". */
  words?: { previous: string; next: string };
  /** The last page is not known (a capped count): only this page's number is shown. */
  openEnded?: boolean;
};

const byDate = { previous: '← Newer', next: 'Older →' };

export function Pagination({ page, totalPages, href, label, words = byDate, openEnded = false }: PaginationProps) {
  if (totalPages <= 1) return null;
  return (
    <nav className="pagination" aria-label={label}>
      {page > 1 ? (
        <a href={href(page - 1)} rel="prev">
          {words.previous}
        </a>
      ) : (
        <span aria-hidden="true" />
      )}
      <span>{openEnded ? `Page ${page}` : `Page ${page} of ${totalPages}`}</span>
      {page < totalPages ? (
        <a href={href(page + 1)} rel="next">
          {words.next}
        </a>
      ) : (
        <span aria-hidden="true" />
      )}
    </nav>
  );
}
