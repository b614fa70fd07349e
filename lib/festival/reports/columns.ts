import { formatCents } from "../money";

// A report is one list of column definitions; the page, the CSV and the XLSX are all made from it, so a
// download always has the columns and rows the page shows. Each cell keeps its raw value (cents,
// seconds, a count, text); how it is written depends on where: "$25.50" on the page, 25.50 in a
// spreadsheet. Pure.

export type CellKind = "text" | "count" | "cents" | "seconds";
export type Cell = string | number | null;

export interface Column<R> {
  key: string;
  header: string;
  kind: CellKind;
  value: (row: R) => Cell;
  /** Shown as a sort link in the page's header. */
  sortable?: boolean;
}

export interface ReportTable {
  title: string;
  columns: { key: string; header: string; kind: CellKind; sortable: boolean }[];
  rows: Cell[][];
  /** The totals row (first cell "Total"), or null when the report has none. */
  totals: Cell[] | null;
}

export function reportTable<R>(title: string, columns: readonly Column<R>[], rows: readonly R[], totals?: Partial<Record<string, Cell>>): ReportTable {
  return {
    title,
    columns: columns.map(({ key, header, kind, sortable }) => ({ key, header, kind, sortable: Boolean(sortable) })),
    rows: rows.map((row) => columns.map((c) => c.value(row))),
    totals: totals ? columns.map((c, i) => (i === 0 ? "Total" : (totals[c.key] ?? null))) : null,
  };
}

/** 3725 -> "1:02:05"; 185 -> "3:05". Planned times run to hours. */
export function formatHms(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, "0");
  return h ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

/** A cell as the page shows it. */
export function displayCell(kind: CellKind, value: Cell): string {
  if (value === null || value === "") return kind === "text" ? "" : "—";
  if (typeof value === "string") return value;
  if (kind === "cents") return formatCents(value);
  if (kind === "seconds") return formatHms(value);
  return String(value);
}

/** A cell as a download carries it: amounts in dollars as numbers, durations as h:mm:ss text. */
export function exportCell(kind: CellKind, value: Cell): string | number {
  if (value === null) return "";
  if (typeof value === "string") return value;
  if (kind === "cents") return value / 100;
  if (kind === "seconds") return formatHms(value);
  return value;
}

/** One comparison for every sortable column: numbers by value, text by the festival's collation. */
const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });
export function compareCells(a: Cell, b: Cell): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return collator.compare(String(a), String(b));
}

export type SortDirection = "asc" | "desc";

/** Rows sorted by one column (stable: ties keep their order); unknown keys leave the order alone. */
export function sortRows<R>(rows: R[], columns: readonly Column<R>[], key: string | undefined, dir: SortDirection): R[] {
  const column = columns.find((c) => c.key === key && c.sortable);
  if (!column) return rows;
  const sign = dir === "desc" ? -1 : 1;
  return [...rows].sort((a, b) => sign * compareCells(column.value(a), column.value(b)));
}
