import Link from 'next/link';

type PaginationProps = { page: number; totalPages: number; href: (page: number) => string; label: string };

export function Pagination({ page, totalPages, href, label }: PaginationProps) {
  if (totalPages <= 1) return null;
  return (
    <nav className="pagination" aria-label={label}>
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev">
          ← Newer
        </Link>
      ) : (
        <span aria-hidden="true" />
      )}
      <span>
        Page {page} of {totalPages}
      </span>
      {page < totalPages ? (
        <Link href={href(page + 1)} rel="next">
          Older →
        </Link>
      ) : (
        <span aria-hidden="true" />
      )}
    </nav>
  );
}
