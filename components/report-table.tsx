import Link from "next/link";
import { displayCell, type ReportTable as Table, type SortDirection } from "@/lib/festival/reports/columns";
import { TableScroll } from "./table-scroll";

/**
 * A report as a table: the same columns as its downloads, sortable by links in the header (so sorting
 * works without JavaScript), the totals in the footer. Numbers are right-aligned.
 */
export function ReportTable({
  table,
  caption,
  sort,
  dir,
  sortHref,
}: {
  table: Table;
  caption: string;
  sort?: string;
  dir: SortDirection;
  sortHref: (key: string, dir: SortDirection) => string;
}) {
  const numeric = (i: number) => table.columns[i].kind !== "text";
  return (
    <TableScroll label={caption}>
      <table className="report">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => {
              const active = sort === c.key;
              const next: SortDirection = active && dir === "asc" ? "desc" : "asc";
              return (
                <th key={c.key} scope="col" aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined} className={c.kind === "text" ? undefined : "num"}>
                  {c.sortable ? (
                    <Link href={sortHref(c.key, next)} aria-label={`${c.header}, sort ${next === "asc" ? "ascending" : "descending"}`}>
                      {c.header}
                      {active ? (dir === "asc" ? " ▲" : " ▼") : ""}
                    </Link>
                  ) : (
                    c.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {table.rows.length === 0 ? (
            <tr>
              <td colSpan={table.columns.length}>Nothing matches these filters.</td>
            </tr>
          ) : (
            table.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, i) => (
                  <td key={i} className={numeric(i) ? "num" : undefined}>
                    {displayCell(table.columns[i].kind, cell)}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
        {table.totals && (
          <tfoot>
            <tr>
              {table.totals.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={i} className={numeric(i) ? "num" : undefined}>
                    {displayCell(table.columns[i].kind, cell)}
                  </td>
                ),
              )}
            </tr>
          </tfoot>
        )}
      </table>
    </TableScroll>
  );
}
