
type PaginationProps = { page: number; totalPages: number; href: (page: number) => string; label: string };

export function Pagination({ page, totalPages, href, label }: PaginationProps) {
  if (totalPages <= 1) return null;
  return (
    <nav className="pagination" aria-label={label}>
      {page > 1 ? (
        <a href={href(page - 1)} rel="prev">
          ← Newer
        </a>
      ) : (
        <span aria-hidden="true" />
      )}
      <span>
        Page {page} of {totalPages}
      </span>
      {page < totalPages ? (
        <a href={href(page + 1)} rel="next">
          Older →
        </a>
      ) : (
        <span aria-hidden="true" />
      )}
    </nav>
  );
}
