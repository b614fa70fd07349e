import Link from "next/link";

/** Previous / "Page n of m" / Next, as links that keep the rest of the query. */
export function Pagination({ page, pageCount, label, href }: { page: number; pageCount: number; label: string; href: (page: number) => string }) {
  return (
    <nav className="pagination" aria-label={label}>
      {page > 1 ? <Link href={href(page - 1)}>Previous</Link> : <span aria-hidden="true" />}
      <span>
        Page {Math.min(page, pageCount)} of {pageCount}
      </span>
      {page < pageCount ? <Link href={href(page + 1)}>Next</Link> : <span aria-hidden="true" />}
    </nav>
  );
}
